"""Base models and tokenizers: a hub id or local path through `from_pretrained`, or a tiny random model.

The tiny models exist for tests and demos on machines without a model hub: a few layers with the real
architecture (DeepSeek-V3's MLA attention and fused MoE experts included), and a byte-level BPE tokenizer
trained in milliseconds on the dataset's own train text. They are saved under `OUTPUT_DIR/base` so an
adapter trained on one reloads exactly like an adapter trained on a hub model.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import torch

from corpuskit.errors import CorpuskitError

TOKENIZER_VOCAB = 512
SPECIAL_TOKENS = {"bos_token": "<s>", "eos_token": "</s>", "pad_token": "<pad>", "unk_token": "<unk>"}


def tiny_config(family: str, tokenizer):
    """A config that builds in milliseconds yet exercises the family's real layer types."""
    from transformers import DeepseekV2Config, DeepseekV3Config, LlamaConfig

    common = dict(
        vocab_size=len(tokenizer),
        hidden_size=128,
        num_hidden_layers=3,
        num_attention_heads=4,
        num_key_value_heads=4,
        max_position_embeddings=1024,
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        tie_word_embeddings=False,
    )
    # V2 and V3 share the shape that matters here: MLA with low-rank q/kv, a dense first layer,
    # then MoE layers with routed + shared experts
    mla_moe = dict(
        intermediate_size=256,
        moe_intermediate_size=64,
        first_k_dense_replace=1,
        n_routed_experts=4,
        n_shared_experts=1,
        num_experts_per_tok=2,
        n_group=1,
        topk_group=1,
        q_lora_rank=32,
        kv_lora_rank=32,
        qk_rope_head_dim=16,
        qk_nope_head_dim=16,
        v_head_dim=32,
    )
    if family == "deepseek_v3":
        return DeepseekV3Config(**common, **mla_moe)
    if family == "deepseek_v2":
        return DeepseekV2Config(**common, **mla_moe)
    if family == "llama":
        return LlamaConfig(**common, intermediate_size=256)
    raise CorpuskitError(f"unknown tiny model family '{family}'; choose deepseek_v3, deepseek_v2 or llama")


def train_tokenizer(texts: Iterable[str], vocab_size: int = TOKENIZER_VOCAB):
    """A byte-level BPE (every byte is in the alphabet, so Chinese never maps to <unk>)."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.post_processor = processors.ByteLevel(trim_offsets=True)
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=list(SPECIAL_TOKENS.values()),
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(texts, trainer=trainer)
    return PreTrainedTokenizerFast(tokenizer_object=tok, **SPECIAL_TOKENS)


def build_tiny_base(family: str, texts: Iterable[str], out_dir: Path, seed: int) -> Path:
    """Train the tokenizer, build the random causal LM, save both to `out_dir`; returns `out_dir`."""
    from transformers import AutoModelForCausalLM

    tokenizer = train_tokenizer(texts)
    config = tiny_config(family, tokenizer)
    torch.manual_seed(seed)  # the base weights must be reproducible from the card alone
    model = AutoModelForCausalLM.from_config(config)
    out_dir.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out_dir)
    tokenizer.save_pretrained(out_dir)
    return out_dir


def load_tokenizer(source: str, gguf_file: str | None = None, trust_remote_code: bool = False):
    from transformers import AutoTokenizer

    kwargs: dict[str, Any] = {"trust_remote_code": trust_remote_code}
    if gguf_file:
        kwargs["gguf_file"] = gguf_file
    try:
        tok = AutoTokenizer.from_pretrained(source, **kwargs)
    except OSError as exc:
        raise CorpuskitError(f"cannot load a tokenizer from '{source}': {exc}") from None
    if tok.pad_token is None:
        tok.pad_token = tok.eos_token
    return tok


def load_model(
    source: str,
    task: str,
    *,
    labels: list[str] | None = None,
    gguf_file: str | None = None,
    quantize_4bit: bool = False,
    trust_remote_code: bool = False,
    pad_token_id: int | None = None,
):
    """The base model with the head `task` needs; the same call for a hub id and a local folder."""
    from transformers import (
        AutoConfig,
        AutoModelForCausalLM,
        AutoModelForSequenceClassification,
        AutoModelForTokenClassification,
    )

    kwargs: dict[str, Any] = {"trust_remote_code": trust_remote_code}
    if gguf_file:
        kwargs["gguf_file"] = gguf_file
    if quantize_4bit:
        kwargs["quantization_config"] = _four_bit_config()
    if task in ("classify", "ner"):
        assert labels is not None
        kwargs.update(
            num_labels=len(labels),
            id2label=dict(enumerate(labels)),
            label2id={label: i for i, label in enumerate(labels)},
        )
        if pad_token_id is not None:
            kwargs["pad_token_id"] = pad_token_id
    auto = {
        "sft": AutoModelForCausalLM,
        "classify": AutoModelForSequenceClassification,
        "ner": AutoModelForTokenClassification,
    }[task]
    try:
        model = auto.from_pretrained(source, **kwargs)
        if gguf_file:
            _forget_gguf_quantizer(model)
        return model
    except ValueError as exc:
        if "Unrecognized configuration class" in str(exc):
            model_type = AutoConfig.from_pretrained(
                source, **{k: v for k, v in kwargs.items() if k in ("trust_remote_code", "gguf_file")}
            ).model_type
            raise CorpuskitError(
                f"model type '{model_type}' has no {task} head in transformers "
                f"(deepseek_v2 has no token-classification head; use deepseek_v3 or task=sft)"
            ) from None
        raise
    except OSError as exc:
        raise CorpuskitError(f"cannot load model '{source}': {exc}") from None


def _four_bit_config():
    if not torch.cuda.is_available():
        raise CorpuskitError(
            "QLoRA (model.quantize_4bit) needs a CUDA GPU and bitsandbytes; this machine has no "
            "CUDA device. Train plain LoRA here (drop quantize_4bit) or run on a GPU."
        )
    import importlib.util

    if importlib.util.find_spec("bitsandbytes") is None:
        raise CorpuskitError(
            "QLoRA (model.quantize_4bit) needs bitsandbytes: pip install 'corpuskit-trainer[qlora]'"
        )
    from transformers import BitsAndBytesConfig

    return BitsAndBytesConfig(
        load_in_4bit=True,
        bnb_4bit_quant_type="nf4",
        bnb_4bit_use_double_quant=True,
        bnb_4bit_compute_dtype=torch.bfloat16,
    )


def _forget_gguf_quantizer(model) -> None:
    """transformers dequantises GGUF weights to float on load but keeps a GGUF "quantizer" on the model,
    which makes Trainer refuse to train it and a merged save point back at the GGUF file. The tensors are
    plain float parameters, so drop the marker."""
    model.hf_quantizer = None
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    if hasattr(model, "is_quantized") and not isinstance(type(model).__dict__.get("is_quantized"), property):
        model.is_quantized = False
