"""The Workspace and the test fake implement the one declared workspace protocol."""

import inspect

from PySide6.QtCore import Signal

from gui.state import undo_commands
from gui.state.protocol import WORKSPACE_METHODS, WORKSPACE_SIGNALS, WORKSPACE_STATE
from gui.state.workspace import Workspace
from gui_fakes import FakeWorkspace


def test_the_workspace_and_the_fake_declare_the_same_signals(qtbot):
    real, fake = Workspace(), FakeWorkspace()
    for obj in (real, fake):
        for name in WORKSPACE_SIGNALS:
            assert isinstance(getattr(type(obj), name), Signal), (type(obj).__name__, name)
    real.close()


def test_the_workspace_and_the_fake_offer_every_declared_method_and_state(qtbot):
    real, fake = Workspace(), FakeWorkspace()
    for obj in (real, fake):
        for name in WORKSPACE_METHODS:
            assert callable(getattr(obj, name, None)), (type(obj).__name__, name)
        for name in WORKSPACE_STATE:
            assert hasattr(obj, name), (type(obj).__name__, name)
    real.close()


def test_undo_commands_call_only_public_methods_and_do_not_import_the_workspace():
    source = inspect.getsource(undo_commands)
    assert "._write" not in source and "gui.state.workspace" not in source
