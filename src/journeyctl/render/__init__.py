"""Journey diagrams: a checked map as a Graphviz graph (`layout`), themes as data (`themes`),
map text made safe for DOT (`escape`), and the `dot` call and file writing at the edge
(`output`). Importing this package imports neither graphviz nor the models.
"""
