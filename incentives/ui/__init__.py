"""The Streamlit app's views. The only package that imports streamlit."""
