"""verl 0.9's own RL dataset reads the rows rl_data writes (runs in .venv-rl, where verl is installed)."""

import pytest

pytest.importorskip("verl")

from scenerevis.chat import DEFAULT_SYSTEM_PROMPT  # noqa: E402
from scenerevis.train.rl_data import main  # noqa: E402

CHATML = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)


def _tokenizer():
    """A whitespace word-level tokenizer with a ChatML template (enough for verl to tokenise prompts)."""
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.WordLevel({"[UNK]": 0, "<|im_start|>": 1, "<|im_end|>": 2, "<|endoftext|>": 3}, unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="<|endoftext|>", eos_token="<|im_end|>")
    fast.chat_template = CHATML
    return fast


def test_verl_rlhf_dataset_reads_our_rows(tmp_path):
    from omegaconf import OmegaConf
    from verl.utils.dataset.rl_dataset import RLHFDataset

    prompts = tmp_path / "p.txt"
    prompts.write_text("A calm bedroom with a double bed.\nA home office with a desk.\n")
    assert main(["--prompts", str(prompts), "--synthetic", "3", "--out", str(tmp_path / "data"), "--val-ratio", "0"]) == 0
    config = OmegaConf.create(
        {
            "prompt_key": "prompt",
            "max_prompt_length": 4096,
            "filter_overlong_prompts": False,
            "return_raw_chat": True,
            "truncation": "error",
        }
    )
    ds = RLHFDataset(str(tmp_path / "data" / "train.parquet"), _tokenizer(), config)
    assert len(ds) == 5
    item = ds[1]
    assert item["raw_prompt"] == [
        {"role": "system", "content": DEFAULT_SYSTEM_PROMPT},
        {"role": "user", "content": "A home office with a desk."},
    ]
    assert item["agent_name"] == "scenerevis_agent" and item["data_source"] == "scenerevis/prompts"
    assert item["reward_model"] == {"style": "rule", "ground_truth": "study"}
    assert item["extra_info"]["requirement"] == "A home office with a desk." and item["extra_info"]["index"] == 1
    assert item["index"] == 1  # verl lifts extra_info.index
    assert ds[4]["data_source"] == "scenerevis/synthetic"
