"""policy: designers that edit a scene through the tool protocol: the built-in rule designer and VLM backends (openai, transformers, vllm)."""

from scenerevis.policy.base import Observation, Policy
from scenerevis.policy.registry import (
    known_policies,
    make_policy,
    policy_class,
    register_policy,
)

__all__ = ["Observation", "Policy", "known_policies", "make_policy", "policy_class", "register_policy"]
