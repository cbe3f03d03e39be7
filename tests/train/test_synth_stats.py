"""Qwen2.5-VL image-token estimate and the stats of a set of rows."""

from __future__ import annotations

from scenerevis.train.synth_stats import dataset_stats, qwen_image_tokens


def test_image_tokens_follow_the_28px_rule():
    # 1080 x 570 -> 1092 x 560 (39 x 20 blocks) fits 1024 * 28 * 28 pixels
    assert qwen_image_tokens(1080, 570) == 780
    # at 256 * 28 * 28 the image is scaled by sqrt(615600 / 200704) = 1.751 -> 22 x 11 blocks
    assert qwen_image_tokens(1080, 570, max_pixels=256 * 28 * 28) == 242
    assert qwen_image_tokens(20, 20) == 4  # scaled up to min_pixels = 4 blocks


def test_stats_of_two_rows(tmp_path):
    def row(scene, turns, ops, n_img):
        msgs = [{"role": "user", "content": "x" * 400}, {"role": "assistant", "content": "<tool_calls>\n[]\n</tool_calls>"}]
        meta = {"scene_id": scene, "total_turns": turns, "ops": ops, "generation_method": "revision"}
        return {"id": scene, "messages": msgs, "images": [f"images/{scene}_{k}.png" for k in range(n_img)], "metadata": meta}

    stats = dataset_stats({"train": [row("a", 5, ["add", "move"], 5)], "val": [row("b", 7, ["add", "add"], 7)]}, tmp_path)
    assert stats["rows"] == {"train": 1, "val": 1} and stats["scenes"] == {"train": 1, "val": 1}
    assert stats["turns_histogram"] == {"5": 1, "7": 1}
    assert stats["op_mix"] == {"add": {"turns": 3, "share": 0.75}, "move": {"turns": 1, "share": 0.25}}
    assert stats["images_per_row"] == {"histogram": {"5": 1, "7": 1}, "mean": 6.0}
    # missing image files count as the merged render size (780 tokens); text (400 + 30 chars) // 4 = 107
    assert stats["tokens_per_row"]["min"] == 107 + 5 * 780 and stats["tokens_per_row"]["max"] == 107 + 7 * 780
