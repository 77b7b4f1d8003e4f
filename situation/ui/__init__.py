"""The Streamlit layer: the only part of the project that imports Streamlit.

It lays out what the plain modules return (cards, tables, figures) and keeps no logic of its own beyond
choosing what to show: which situation, which page, which area. Caching lives here, at the page edge.
"""
