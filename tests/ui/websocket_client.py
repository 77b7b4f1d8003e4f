"""A client of Streamlit's websocket that is not a browser: what a hostile script can send, sent for real.

It speaks the protocol the browser speaks (protobuf `BackMsg` in, `ForwardMsg` out, on `/_stcore/stream`), so a test
can send what no button of the page offers (a cache clear from a session that never signed in) and read what the
server answers: the elements a run drew, the widgets it offers, the alerts it shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.sync.client import ClientConnection, connect

RUN_TIMEOUT_S = 30.0


@dataclass
class Run:
    """What one script run sent: its elements, in order."""

    elements: list[Element] = field(default_factory=list)

    def widget(self, kind: str, label: str) -> str:
        """The id of the first widget of `kind` ('text_input', 'button') with `label`."""
        for element in self.elements:
            if element.WhichOneof("type") == kind and getattr(element, kind).label == label:
                return str(getattr(element, kind).id)
        raise AssertionError(f"no {kind} labelled {label!r} in this run")

    def alerts(self) -> list[str]:
        return [element.alert.body for element in self.elements if element.WhichOneof("type") == "alert"]


class StreamlitClient:
    """One session on a Streamlit server, driven message by message."""

    def __init__(self, connection: ClientConnection) -> None:
        self.connection = connection
        self.page_hash = ""

    def run(self, widgets: list[WidgetState] | None = None) -> Run:
        """Ask for a full run (with these widget values, as a form's submit sends them) and read it to its end."""
        message = BackMsg()
        message.rerun_script.page_script_hash = self.page_hash
        if widgets:
            message.rerun_script.widget_states.widgets.extend(widgets)
        self.connection.send(message.SerializeToString())
        return self._read_run()

    def clear_cache(self) -> None:
        """What the browser sends for 'Clear caches' (the developer menu, or the 'c' key)."""
        message = BackMsg()
        message.clear_cache = True
        self.connection.send(message.SerializeToString())

    def _read_run(self) -> Run:
        run = Run()
        while True:
            data = self.connection.recv(timeout=RUN_TIMEOUT_S)
            assert isinstance(data, bytes)
            forward = ForwardMsg.FromString(data)
            kind = forward.WhichOneof("type")
            if kind == "new_session":
                self.page_hash = forward.new_session.page_script_hash
                run = Run()  # a run cut short by a rerun starts again
            elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                run.elements.append(forward.delta.new_element)
            elif kind == "script_finished" and forward.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                return run


@contextmanager
def streamlit_client(url: str) -> Iterator[StreamlitClient]:
    """A session on the server at `url` (http://127.0.0.1:PORT/), closed when the block ends."""
    address = url.replace("http://", "ws://") + "_stcore/stream"
    with connect(address, subprotocols=["streamlit"], origin=url.rstrip("/"), max_size=None) as connection:  # type: ignore[list-item]
        yield StreamlitClient(connection)


def text(widget_id: str, value: str) -> WidgetState:
    return WidgetState(id=widget_id, string_value=value)


def pressed(widget_id: str) -> WidgetState:
    return WidgetState(id=widget_id, trigger_value=True)
