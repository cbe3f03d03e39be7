"""tools: the model's tool-call protocol: parse replies, apply edits, export the tool schema."""

from scenerevis.tools.apply import ApplyResult, CallResult, apply_tool_calls, resolve_reference
from scenerevis.tools.errors import ToolError
from scenerevis.tools.format import format_create_scene, format_tool_calls
from scenerevis.tools.parse import ParsedReply, ToolCall, parse_reply
from scenerevis.tools.specs import TOOLS, ToolSpec, openai_tools

__all__ = [
    "TOOLS",
    "ApplyResult",
    "CallResult",
    "ParsedReply",
    "ToolCall",
    "ToolError",
    "ToolSpec",
    "apply_tool_calls",
    "format_create_scene",
    "format_tool_calls",
    "openai_tools",
    "parse_reply",
    "resolve_reference",
]
