//! A BERT encoder on candle: embeddings, `num_hidden_layers` transformer
//! layers, and the hidden states out. Only inference, only what sentence
//! encoders of the MiniLM/BERT family need (absolute positions, one segment).

use candle_core::{DType, Device, Module, Tensor, D};
use candle_nn::{embedding, layer_norm, linear, Embedding, LayerNorm, Linear, VarBuilder};
use serde::Deserialize;

/// The fields of a Hugging Face `config.json` the encoder is built from.
#[derive(Debug, Clone, Deserialize)]
pub struct BertConfig {
    pub vocab_size: usize,
    pub hidden_size: usize,
    pub num_hidden_layers: usize,
    pub num_attention_heads: usize,
    pub intermediate_size: usize,
    pub max_position_embeddings: usize,
    pub type_vocab_size: usize,
    pub layer_norm_eps: f64,
    #[serde(default = "default_hidden_act")]
    pub hidden_act: String,
    #[serde(default = "default_position_embedding_type")]
    pub position_embedding_type: String,
}

fn default_hidden_act() -> String {
    "gelu".into()
}

fn default_position_embedding_type() -> String {
    "absolute".into()
}

impl BertConfig {
    /// Refuses what this encoder does not implement, rather than computing nonsense.
    pub fn check(&self) -> Result<(), String> {
        if self.hidden_act != "gelu" {
            return Err(format!("hidden_act {:?} is not supported (only gelu)", self.hidden_act));
        }
        if self.position_embedding_type != "absolute" {
            return Err(format!(
                "position_embedding_type {:?} is not supported (only absolute)",
                self.position_embedding_type
            ));
        }
        if self.num_attention_heads == 0 || !self.hidden_size.is_multiple_of(self.num_attention_heads) {
            return Err(format!(
                "hidden_size {} is not a multiple of num_attention_heads {}",
                self.hidden_size, self.num_attention_heads
            ));
        }
        Ok(())
    }
}

struct Embeddings {
    words: Embedding,
    positions: Embedding,
    token_types: Embedding,
    norm: LayerNorm,
}

impl Embeddings {
    fn load(vb: VarBuilder, config: &BertConfig) -> candle_core::Result<Self> {
        Ok(Embeddings {
            words: embedding(config.vocab_size, config.hidden_size, vb.pp("word_embeddings"))?,
            positions: embedding(
                config.max_position_embeddings,
                config.hidden_size,
                vb.pp("position_embeddings"),
            )?,
            token_types: embedding(config.type_vocab_size, config.hidden_size, vb.pp("token_type_embeddings"))?,
            norm: layer_norm(config.hidden_size, config.layer_norm_eps, vb.pp("LayerNorm"))?,
        })
    }

    fn forward(&self, ids: &Tensor) -> candle_core::Result<Tensor> {
        let (_batch, len) = ids.dims2()?;
        let device = ids.device();
        let positions = Tensor::arange(0u32, len as u32, device)?.unsqueeze(0)?;
        // Every sequence is one segment: token type 0 throughout.
        let token_types = ids.zeros_like()?;
        let sum = self
            .words
            .forward(ids)?
            .broadcast_add(&self.positions.forward(&positions)?)?
            .add(&self.token_types.forward(&token_types)?)?;
        self.norm.forward(&sum)
    }
}

struct SelfAttention {
    query: Linear,
    key: Linear,
    value: Linear,
    output: Linear,
    norm: LayerNorm,
    heads: usize,
    head_size: usize,
}

impl SelfAttention {
    fn load(vb: VarBuilder, config: &BertConfig) -> candle_core::Result<Self> {
        let hidden = config.hidden_size;
        let own = vb.pp("self");
        let out = vb.pp("output");
        Ok(SelfAttention {
            query: linear(hidden, hidden, own.pp("query"))?,
            key: linear(hidden, hidden, own.pp("key"))?,
            value: linear(hidden, hidden, own.pp("value"))?,
            output: linear(hidden, hidden, out.pp("dense"))?,
            norm: layer_norm(hidden, config.layer_norm_eps, out.pp("LayerNorm"))?,
            heads: config.num_attention_heads,
            head_size: hidden / config.num_attention_heads,
        })
    }

    /// `mask_bias` is (batch, 1, 1, len): 0 on tokens, a large negative on padding.
    fn forward(&self, hidden: &Tensor, mask_bias: &Tensor) -> candle_core::Result<Tensor> {
        let (batch, len, width) = hidden.dims3()?;
        let split_heads = |t: Tensor| -> candle_core::Result<Tensor> {
            t.reshape((batch, len, self.heads, self.head_size))?
                .transpose(1, 2)?
                .contiguous()
        };
        let q = split_heads(self.query.forward(hidden)?)?;
        let k = split_heads(self.key.forward(hidden)?)?;
        let v = split_heads(self.value.forward(hidden)?)?;
        let scale = 1.0 / (self.head_size as f64).sqrt();
        let scores = (q.matmul(&k.t()?)? * scale)?.broadcast_add(mask_bias)?;
        let weights = candle_nn::ops::softmax_last_dim(&scores)?;
        let context = weights
            .matmul(&v)?
            .transpose(1, 2)?
            .reshape((batch, len, width))?;
        self.norm.forward(&(self.output.forward(&context)? + hidden)?)
    }
}

struct Layer {
    attention: SelfAttention,
    intermediate: Linear,
    output: Linear,
    norm: LayerNorm,
}

impl Layer {
    fn load(vb: VarBuilder, config: &BertConfig) -> candle_core::Result<Self> {
        Ok(Layer {
            attention: SelfAttention::load(vb.pp("attention"), config)?,
            intermediate: linear(
                config.hidden_size,
                config.intermediate_size,
                vb.pp("intermediate").pp("dense"),
            )?,
            output: linear(config.intermediate_size, config.hidden_size, vb.pp("output").pp("dense"))?,
            norm: layer_norm(config.hidden_size, config.layer_norm_eps, vb.pp("output").pp("LayerNorm"))?,
        })
    }

    fn forward(&self, hidden: &Tensor, mask_bias: &Tensor) -> candle_core::Result<Tensor> {
        let attended = self.attention.forward(hidden, mask_bias)?;
        // BERT's "gelu" is the exact erf form, not the tanh approximation.
        let expanded = self.intermediate.forward(&attended)?.gelu_erf()?;
        self.norm.forward(&(self.output.forward(&expanded)? + attended)?)
    }
}

/// The encoder: token ids and attention mask in, one hidden vector per token out.
pub struct BertEncoder {
    embeddings: Embeddings,
    layers: Vec<Layer>,
    device: Device,
}

impl BertEncoder {
    /// Builds the encoder from weights named as in Hugging Face `BertModel`
    /// (`embeddings.*`, `encoder.layer.N.*`), with or without a `bert.` prefix.
    pub fn load(vb: VarBuilder, config: &BertConfig) -> candle_core::Result<Self> {
        let vb = if vb.contains_tensor("bert.embeddings.word_embeddings.weight") {
            vb.pp("bert")
        } else {
            vb
        };
        let embeddings = Embeddings::load(vb.pp("embeddings"), config)?;
        let layers = (0..config.num_hidden_layers)
            .map(|i| Layer::load(vb.pp("encoder").pp("layer").pp(i), config))
            .collect::<candle_core::Result<Vec<_>>>()?;
        Ok(BertEncoder {
            embeddings,
            layers,
            device: vb.device().clone(),
        })
    }

    /// Mean-pooled, L2-normalised vectors of a batch of id sequences, padded to
    /// the longest; padding takes no part in attention or the mean.
    pub fn mean_pooled(&self, sequences: &[Vec<u32>], pad: u32) -> candle_core::Result<Vec<Vec<f32>>> {
        let len = sequences.iter().map(Vec::len).max().unwrap_or(0);
        if len == 0 {
            return Ok(Vec::new());
        }
        let batch = sequences.len();
        let mut ids = Vec::with_capacity(batch * len);
        let mut mask = Vec::with_capacity(batch * len);
        for sequence in sequences {
            ids.extend_from_slice(sequence);
            ids.extend(std::iter::repeat_n(pad, len - sequence.len()));
            mask.extend(std::iter::repeat_n(1f32, sequence.len()));
            mask.extend(std::iter::repeat_n(0f32, len - sequence.len()));
        }
        let ids = Tensor::from_vec(ids, (batch, len), &self.device)?;
        let mask = Tensor::from_vec(mask, (batch, len), &self.device)?;
        // Large enough that exp() of it is 0 beside any real score, small enough
        // to stay finite when added.
        let mask_bias = ((1.0 - &mask)? * -1e9)?.reshape((batch, 1, 1, len))?;
        let mut hidden = self.embeddings.forward(&ids)?;
        for layer in &self.layers {
            hidden = layer.forward(&hidden, &mask_bias)?;
        }
        let weights = mask.unsqueeze(2)?;
        let summed = hidden.broadcast_mul(&weights)?.sum(1)?;
        let counts = weights.sum(1)?;
        let mean = summed.broadcast_div(&counts)?;
        let norms = mean.sqr()?.sum_keepdim(D::Minus1)?.sqrt()?.clamp(1e-12, f64::MAX)?;
        mean.broadcast_div(&norms)?.to_dtype(DType::F32)?.to_vec2()
    }
}
