"""The attack suite: each finding of the hardening review replayed, asserting the safe outcome."""

import sys
from pathlib import Path

# The helpers of the main suite (gui_keyboard, gui_doubles) live one folder up.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
