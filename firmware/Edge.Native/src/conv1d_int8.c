/*
 * 1-D convolution over [channels][length], group 1, dilation 1: the native override of
 * Conv1DInt8.Eval. out[o,t] = clamp(MBQM(bias[o] + sum_{i,k} w[o,i,k]*(x[i, t*stride+k-pad] + input_offset), M[o], s[o]) + zp_out),
 * taps in the padding left out (they are a real zero), exactly as the managed kernel clips them.
 *
 * With the DSP extension (edge_dot.h), each output position's receptive field is laid out as one
 * contiguous int8 vector (the column: the input itself when there is one input channel and no
 * padding, else a copy on the stack), and four output channels take their dot products against
 * it together. The input offset leaves the inner loop: bias + offset * sum(w) is folded per
 * channel, and a tap in the padding holds -offset, so that it contributes w*(-offset) and
 * cancels its share of the fold, as the managed kernel's skipped tap contributes nothing. All of
 * it modulo 2^32, so the sums are the managed sums exactly. Filters larger than the column,
 * or an offset outside -127..128, take a direct path that adds the offset while unpacking
 * (SXTAB16); an offset outside the 16-bit lane, or an output overlapping the input, takes the
 * portable loop.
 */
#include "edge_internal.h"
#include <string.h>
#include "edge_dot.h"

typedef struct
{
    const int8_t *x;        /* input, [in_channels][in_length] */
    const int8_t *weights;  /* [out_channels][in_channels][kernel] */
    const int32_t *bias;
    const int32_t *multipliers;
    const int32_t *shifts;
    int8_t *y;              /* output, [out_channels][out_length] */
    int32_t in_channels;
    int32_t in_length;
    int32_t out_channels;
    int32_t out_length;
    int32_t kernel;
    int32_t stride;
    int32_t pad;
    int32_t input_offset;
    int32_t zero_point;
    int32_t min;
    int32_t max;
} conv_layer;

/* The taps of output position t that fall inside the input: [*from, *to) of the kernel, and the
 * input index of tap 0. Clipped as the managed kernel clips (an empty range when none do). */
static inline int32_t conv_window(const conv_layer *l, int32_t t, int32_t *from, int32_t *to)
{
    int32_t start = edge_wrap_add(edge_wrap_mul(t, l->stride), -l->pad);
    *from = start < 0 ? (int32_t)(0u - (uint32_t)start) : 0;
    *to = edge_wrap_add(start, l->kernel) > l->in_length ? edge_wrap_add(l->in_length, (int32_t)(0u - (uint32_t)start)) : l->kernel;
    return start;
}

/* One output in the managed kernel's order of reads; the only path when output and input overlap. */
static void conv_plain(const conv_layer *l)
{
    for (int32_t o = 0; o < l->out_channels; o++)
    {
        const int32_t bias = l->bias[o];
        edge_requant r = edge_requant_prepare(l->multipliers[o], l->shifts[o], 1);
        const int8_t *wo = l->weights + (int64_t)o * l->in_channels * l->kernel;
        for (int32_t t = 0; t < l->out_length; t++)
        {
            int32_t from, to;
            int32_t start = conv_window(l, t, &from, &to);
            uint32_t acc = (uint32_t)bias;
            for (int32_t i = 0; i < l->in_channels; i++)
            {
                const int8_t *w = wo + (int64_t)i * l->kernel;
                const int8_t *x = l->x + (int64_t)i * l->in_length + start;
                for (int32_t k = from; k < to; k++)
                    acc += (uint32_t)edge_wrap_mul(w[k], edge_wrap_add(x[k], l->input_offset));
            }
            l->y[(int64_t)o * l->out_length + t] = edge_requantize((int32_t)acc, &r, l->zero_point, l->min, l->max);
        }
    }
}

#if EDGE_DSP

/* Four output channels at once over taps [from, to) of every input channel. */
static void conv_dsp_block4(const conv_layer *l, int32_t o, const edge_requant r[4], int32_t offset2)
{
    const int32_t kernel = l->kernel;
    const int64_t filter = (int64_t)l->in_channels * kernel;
    const int8_t *wo = l->weights + (int64_t)o * filter;
    for (int32_t t = 0; t < l->out_length; t++)
    {
        int32_t from, to;
        int32_t start = conv_window(l, t, &from, &to);
        int32_t a0 = l->bias[o], a1 = l->bias[o + 1], a2 = l->bias[o + 2], a3 = l->bias[o + 3];
        int32_t taps = to - from;
        if (taps > 0)
        {
            for (int32_t i = 0; i < l->in_channels; i++)
            {
                const int8_t *xp = l->x + (int64_t)i * l->in_length + start + from;
                const int8_t *w0 = wo + (int64_t)i * kernel + from;
                const int8_t *w1 = w0 + filter;
                const int8_t *w2 = w1 + filter;
                const int8_t *w3 = w2 + filter;
                int32_t blocks = taps >> 2;
                while (blocks-- > 0)
                {
                    int32_t xv = edge_load4(xp);
                    xp += 4;
                    int32_t xe = edge_lanes_even_plus(xv, offset2);
                    int32_t xo = edge_lanes_odd_plus(xv, offset2);
                    int32_t wv = edge_load4(w0);
                    w0 += 4;
                    a0 = edge_dual_mac(edge_lanes_even(wv), xe, a0);
                    a0 = edge_dual_mac(edge_lanes_odd(wv), xo, a0);
                    wv = edge_load4(w1);
                    w1 += 4;
                    a1 = edge_dual_mac(edge_lanes_even(wv), xe, a1);
                    a1 = edge_dual_mac(edge_lanes_odd(wv), xo, a1);
                    wv = edge_load4(w2);
                    w2 += 4;
                    a2 = edge_dual_mac(edge_lanes_even(wv), xe, a2);
                    a2 = edge_dual_mac(edge_lanes_odd(wv), xo, a2);
                    wv = edge_load4(w3);
                    w3 += 4;
                    a3 = edge_dual_mac(edge_lanes_even(wv), xe, a3);
                    a3 = edge_dual_mac(edge_lanes_odd(wv), xo, a3);
                }
                for (int32_t k = taps & 3; k > 0; k--)
                {
                    int32_t xs = *xp++ + l->input_offset;
                    a0 = edge_wrap_add(a0, *w0++ * xs);
                    a1 = edge_wrap_add(a1, *w1++ * xs);
                    a2 = edge_wrap_add(a2, *w2++ * xs);
                    a3 = edge_wrap_add(a3, *w3++ * xs);
                }
            }
        }
        int8_t *y = l->y + (int64_t)o * l->out_length + t;
        y[0] = edge_requantize(a0, &r[0], l->zero_point, l->min, l->max);
        y[l->out_length] = edge_requantize(a1, &r[1], l->zero_point, l->min, l->max);
        y[2 * l->out_length] = edge_requantize(a2, &r[2], l->zero_point, l->min, l->max);
        y[3 * l->out_length] = edge_requantize(a3, &r[3], l->zero_point, l->min, l->max);
    }
}

/* One output channel (the last out_channels % 4). */
static void conv_dsp_single(const conv_layer *l, int32_t o, const edge_requant *r, int32_t offset2)
{
    const int32_t kernel = l->kernel;
    const int8_t *wo = l->weights + (int64_t)o * l->in_channels * kernel;
    for (int32_t t = 0; t < l->out_length; t++)
    {
        int32_t from, to;
        int32_t start = conv_window(l, t, &from, &to);
        int32_t acc = l->bias[o];
        int32_t taps = to - from;
        if (taps > 0)
        {
            for (int32_t i = 0; i < l->in_channels; i++)
            {
                const int8_t *xp = l->x + (int64_t)i * l->in_length + start + from;
                const int8_t *w = wo + (int64_t)i * kernel + from;
                int32_t blocks = taps >> 2;
                while (blocks-- > 0)
                {
                    int32_t xv = edge_load4(xp);
                    int32_t wv = edge_load4(w);
                    xp += 4;
                    w += 4;
                    acc = edge_dual_mac(edge_lanes_even(wv), edge_lanes_even_plus(xv, offset2), acc);
                    acc = edge_dual_mac(edge_lanes_odd(wv), edge_lanes_odd_plus(xv, offset2), acc);
                }
                for (int32_t k = taps & 3; k > 0; k--) acc = edge_wrap_add(acc, *w++ * (*xp++ + l->input_offset));
            }
        }
        l->y[(int64_t)o * l->out_length + t] = edge_requantize(acc, r, l->zero_point, l->min, l->max);
    }
}

static void conv_direct(const conv_layer *l)
{
    const int32_t offset2 = edge_pair(l->input_offset);
    int32_t o = 0;
    for (; o + 4 <= l->out_channels; o += 4)
    {
        edge_requant r[4];
        for (int32_t j = 0; j < 4; j++) r[j] = edge_requant_prepare(l->multipliers[o + j], l->shifts[o + j], 1);
        conv_dsp_block4(l, o, r, offset2);
    }
    for (; o < l->out_channels; o++)
    {
        edge_requant r = edge_requant_prepare(l->multipliers[o], l->shifts[o], 1);
        conv_dsp_single(l, o, &r, offset2);
    }
}

/* Filter elements (in_channels * kernel) the column path takes, and output channels prepared
 * together: 256 + 8 * 28 bytes of stack. */
#define CONV_COLUMN_BYTES 256
#define CONV_CHUNK 8

/* Copies n bytes a word at a time where it can (Armv7-M loads and stores words unaligned). */
static inline void conv_copy(int8_t *dst, const int8_t *src, int32_t n)
{
    for (; n >= 4; n -= 4, dst += 4, src += 4)
    {
        edge_store4(dst, edge_opaque(edge_load4(src)));
    }
    for (; n > 0; n--) *dst++ = (int8_t)edge_opaque(*src++);
}

/* The receptive field of a window starting at `start` with taps [from, to) inside the input,
 * channel after channel, padding taps holding pad. */
static void conv_fill_column(const conv_layer *l, int8_t *column, int32_t start, int32_t from, int32_t to, int8_t pad)
{
    const int32_t kernel = l->kernel;
    const int32_t first = from < kernel ? from : kernel;
    const int32_t last = to > first ? to : first;
    for (int32_t i = 0; i < l->in_channels; i++)
    {
        int8_t *dst = column + (int64_t)i * kernel;
        const int8_t *src = l->x + (int64_t)i * l->in_length + start;
        for (int32_t k = 0; k < first; k++) dst[k] = (int8_t)edge_opaque(pad);
        conv_copy(dst + first, src + first, last - first);
        for (int32_t k = last; k < kernel; k++) dst[k] = (int8_t)edge_opaque(pad);
    }
}

/*
 * One input channel (a raw signal): consecutive windows are `stride` apart in the input itself,
 * so one channel's filter runs against four positions at once (edge_dot4 with the filter as
 * the shared vector), and the four outputs share the channel's requantisation, worked out once
 * per channel. Windows in the padding take the column, one at a time.
 */
static void conv_one_channel(const conv_layer *l)
{
    int32_t column_words[CONV_COLUMN_BYTES / 4];
    int8_t *column = (int8_t *)column_words;
    const int32_t kernel = l->kernel;
    const int8_t pad = (int8_t)(-l->input_offset);
    /* Interior windows: start >= 0 and start + kernel <= in_length. */
    const int32_t first = l->pad == 0 ? 0 : (l->pad + l->stride - 1) / l->stride;
    const int32_t last = l->in_length - kernel + l->pad < 0 ? -1 : (l->in_length - kernel + l->pad) / l->stride;
    for (int32_t o = 0; o < l->out_channels; o++)
    {
        const int8_t *w = l->weights + (int64_t)o * kernel;
        const int32_t base = edge_wrap_add(l->bias[o], edge_wrap_mul(l->input_offset, edge_sum_int8(w, kernel)));
        const edge_requant r = edge_requant_prepare(l->multipliers[o], l->shifts[o], 1);
        int8_t *y = l->y + (int64_t)o * l->out_length;
        int32_t t = 0;
        while (t < l->out_length)
        {
            if (t >= first && t + 3 <= last)
            {
                int32_t acc[4] = { base, base, base, base };
                edge_dot4(w, l->x + (t * l->stride - l->pad), l->stride, kernel, acc);
                y[t] = edge_requantize(acc[0], &r, l->zero_point, l->min, l->max);
                y[t + 1] = edge_requantize(acc[1], &r, l->zero_point, l->min, l->max);
                y[t + 2] = edge_requantize(acc[2], &r, l->zero_point, l->min, l->max);
                y[t + 3] = edge_requantize(acc[3], &r, l->zero_point, l->min, l->max);
                t += 4;
                continue;
            }
            int32_t from, to;
            const int32_t start = conv_window(l, t, &from, &to);
            const int8_t *x = l->x + start;
            if (from != 0 || to != kernel)
            {
                conv_fill_column(l, column, start, from, to, pad);
                x = column;
            }
            y[t] = edge_requantize(edge_dot1(x, w, kernel, base), &r, l->zero_point, l->min, l->max);
            t++;
        }
    }
}

/* The receptive field of an interior window (no padding taps): each channel's taps copied whole. */
static void conv_fill_interior(const conv_layer *l, int8_t *column, const int8_t *src)
{
    const int32_t kernel = l->kernel;
    for (int32_t i = 0; i < l->in_channels; i++, column += kernel, src += l->in_length)
    {
        int8_t *dst = column;
        const int8_t *from = src;
        int32_t n = kernel;
        for (; n >= 4; n -= 4, dst += 4, from += 4)
        {
            edge_store4(dst, edge_opaque(edge_load4(from)));
        }
        for (; n > 0; n--) *dst++ = (int8_t)edge_opaque(*from++);
    }
}

static void conv_column(const conv_layer *l)
{
    int32_t column_words[CONV_COLUMN_BYTES / 4];
    int8_t *column = (int8_t *)column_words;
    const int32_t n = l->in_channels * l->kernel;
    const int8_t pad = (int8_t)(-l->input_offset);
    for (int32_t o0 = 0; o0 < l->out_channels; o0 += CONV_CHUNK)
    {
        const int32_t chunk = l->out_channels - o0 < CONV_CHUNK ? l->out_channels - o0 : CONV_CHUNK;
        const int8_t *w = l->weights + (int64_t)o0 * n;
        int32_t base[CONV_CHUNK];
        edge_requant r[CONV_CHUNK];
        for (int32_t j = 0; j < chunk; j++)
        {
            base[j] = edge_wrap_add(l->bias[o0 + j], edge_wrap_mul(l->input_offset, edge_sum_int8(w + (int64_t)j * n, n)));
            r[j] = edge_requant_prepare(l->multipliers[o0 + j], l->shifts[o0 + j], 1);
        }
        for (int32_t t = 0; t < l->out_length; t++)
        {
            int32_t from, to;
            const int32_t start = conv_window(l, t, &from, &to);
            const int8_t *x;
            if (from == 0 && to == l->kernel)
            {
                conv_fill_interior(l, column, l->x + start);
                x = column;
            }
            else
            {
                conv_fill_column(l, column, start, from, to, pad);
                x = column;
            }
            int8_t *y = l->y + (int64_t)o0 * l->out_length + t;
            int32_t j = 0;
            for (; j + 4 <= chunk; j += 4)
            {
                int32_t acc[4] = { base[j], base[j + 1], base[j + 2], base[j + 3] };
                edge_dot4(x, w + (int64_t)j * n, n, n, acc);
                for (int32_t q = 0; q < 4; q++)
                    y[(int64_t)(j + q) * l->out_length] = edge_requantize(acc[q], &r[j + q], l->zero_point, l->min, l->max);
            }
            for (; j < chunk; j++)
            {
                int32_t acc = edge_dot1(x, w + (int64_t)j * n, n, base[j]);
                y[(int64_t)j * l->out_length] = edge_requantize(acc, &r[j], l->zero_point, l->min, l->max);
            }
        }
    }
}

#endif /* EDGE_DSP */

int32_t edge_conv1d_int8(const int32_t *p, int32_t p_count,
                         const int8_t *weights, int32_t weights_count,
                         const int32_t *ints, int32_t ints_count,
                         int8_t *arena, int32_t arena_count,
                         int32_t input, int32_t output)
{
    if (p_count < EDGE_CONV_PARAMETERS) return EDGE_E_RANGE;
    conv_layer l;
    l.in_channels = p[EDGE_CONV_IN_CHANNELS];
    l.in_length = p[EDGE_CONV_IN_LENGTH];
    l.out_channels = p[EDGE_CONV_OUT_CHANNELS];
    l.out_length = p[EDGE_CONV_OUT_LENGTH];
    l.kernel = p[EDGE_CONV_KERNEL];
    l.stride = p[EDGE_CONV_STRIDE];
    l.pad = p[EDGE_CONV_PAD_BEGIN];
    l.input_offset = p[EDGE_CONV_INPUT_OFFSET];
    l.zero_point = p[EDGE_CONV_OUTPUT_ZERO_POINT];
    l.min = p[EDGE_CONV_ACTIVATION_MIN];
    l.max = p[EDGE_CONV_ACTIVATION_MAX];
    if (l.out_channels <= 0 || l.out_length <= 0) return EDGE_OK;
    /* The window arithmetic must not wrap (the managed kernel's would, and then index outside
     * the input, which it reports and this code must never do): first and last window start and
     * end are checked in 64 bits. A model's checked geometry is far inside these bounds. */
    const int64_t first_start = -(int64_t)l.pad;
    const int64_t last_start = (int64_t)(l.out_length - 1) * l.stride - l.pad;
    if (first_start < INT32_MIN || last_start < INT32_MIN || last_start > INT32_MAX ||
        first_start + l.kernel > INT32_MAX || last_start + l.kernel > INT32_MAX ||
        first_start + l.kernel < INT32_MIN || last_start + l.kernel < INT32_MIN)
        return EDGE_E_ARGUMENT;
    /* Taps are clipped to [0, in_length) of each channel, so reads stay inside the input tensor
     * and the first `kernel` weights of each (o, i); a geometry that reads nothing needs neither. */
    const int reads = l.in_channels > 0 && l.in_length > 0 && l.kernel > 0;
    const int64_t input_count = reads ? (int64_t)l.in_channels * l.in_length : 0;
    const int64_t output_count = (int64_t)l.out_channels * l.out_length;
    const int64_t weight_count = reads ? (int64_t)l.out_channels * l.in_channels * l.kernel : 0;
    if (!edge_fits(input, input_count, arena_count) || !edge_fits(output, output_count, arena_count) ||
        !edge_fits(p[EDGE_CONV_WEIGHTS_AT], weight_count, weights_count) ||
        !edge_fits(p[EDGE_CONV_BIAS_AT], l.out_channels, ints_count) ||
        !edge_fits(p[EDGE_CONV_MULTIPLIERS_AT], l.out_channels, ints_count) ||
        !edge_fits(p[EDGE_CONV_SHIFTS_AT], l.out_channels, ints_count))
        return EDGE_E_RANGE;
    if (!reads) l.in_channels = 0;

    l.x = arena + (input_count > 0 ? input : 0);
    l.weights = weights + (weight_count > 0 ? p[EDGE_CONV_WEIGHTS_AT] : 0);
    l.bias = ints + p[EDGE_CONV_BIAS_AT];
    l.multipliers = ints + p[EDGE_CONV_MULTIPLIERS_AT];
    l.shifts = ints + p[EDGE_CONV_SHIFTS_AT];
    l.y = arena + output;

#if EDGE_DSP
    if (!edge_overlaps(input, input_count, output, output_count))
    {
        if ((int64_t)l.in_channels * l.kernel <= CONV_COLUMN_BYTES && l.input_offset >= -EDGE_INT8_MAX && l.input_offset <= -EDGE_INT8_MIN)
        {
            if (l.in_channels == 1) conv_one_channel(&l);
            else conv_column(&l);
            return EDGE_OK;
        }
        if (l.input_offset >= -32768 - EDGE_INT8_MIN && l.input_offset <= 32767 - EDGE_INT8_MAX)
        {
            conv_direct(&l);
            return EDGE_OK;
        }
    }
#endif
    conv_plain(&l);
    return EDGE_OK;
}
