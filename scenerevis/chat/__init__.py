"""chat: the conversation a VLM policy sees, its system prompt and its encodings (standard library only).

Used alike by the VLM policies at inference, by training-data synthesis and by the RL environments, so
that training and inference see identical formats (DESIGN.md sections 3 and 7).
"""

from scenerevis.chat.formats import data_url, to_openai, to_qwen, to_swift_row
from scenerevis.chat.messages import (
    IMAGE_TOKEN,
    MAX_REPLY_CHARS,
    Message,
    TurnRecord,
    build_conversation,
    count_images,
    estimate_tokens,
    user_message,
)
from scenerevis.chat.prompts import DEFAULT_SYSTEM_PROMPT, load_system_prompt

__all__ = [
    "DEFAULT_SYSTEM_PROMPT",
    "IMAGE_TOKEN",
    "MAX_REPLY_CHARS",
    "Message",
    "TurnRecord",
    "build_conversation",
    "count_images",
    "data_url",
    "estimate_tokens",
    "load_system_prompt",
    "to_openai",
    "to_qwen",
    "to_swift_row",
    "user_message",
]
