"""The dashboard: `streamlit run dashboard.py [-- --situations PATH]`.

Thin on purpose: everything it shows is made by the `situation` package; the layout is in `situation/ui/`.
"""

from situation.ui.app import main

main()
