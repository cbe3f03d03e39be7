"""swift_register.py: the ``--external_plugins`` file of ms-swift GRPO: registers our scheduler and reward.

``swift rlhf --rlhf_type grpo --external_plugins scenerevis/train/swift_register.py
--multi_turn_scheduler scenerevis_scene_edit --reward_funcs scenerevis_scene_reward ...``.
Importing this file is the registration (ms-swift's plugin contract); the classes live in
:mod:`scenerevis.train.swift_plugin`.
"""

from scenerevis.train.swift_plugin import register

register()
