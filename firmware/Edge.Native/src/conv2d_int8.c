/*
 * 2-D convolution over [channels][height][width] with groups (depthwise: groups = channels),
 * dilation, stride and padding: the native override of Conv2DInt8.Eval, which also runs the
 * grouped and dilated 1-D convolutions (height 1).
 *   out[o,y,x] = clamp(MBQM(bias[o] + sum w[o,i,ky,kx]*(in[g*Cg+i, y*sh-pt+ky*dh, x*sw-pl+kx*dw] + offset), M[o], s[o]) + zp_out),
 * g = o / (out channels / groups), taps in the padding left out.
 *
 * With the DSP extension (edge_dot.h), each output position's receptive field within its group
 * is gathered into one contiguous column on the stack (a tap in the padding holds -offset, so
 * that with bias + offset*sum(w) folded per channel it contributes nothing, as in conv1d_int8.c),
 * and up to eight output channels of the group take their dot products against it, four at a
 * time. Depthwise filters of one row (the grouped and dilated 1-D convolutions) lay out each
 * input row once instead and run the filter against four positions at a time
 * (conv2d_depthwise_rows). Sums are modulo 2^32 as the managed int accumulator's, so the regrouping changes
 * nothing. A receptive field larger than the column, an offset outside -127..128 or an output
 * overlapping the input takes the portable loop, which reads and writes in the managed order.
 */
#include "edge_internal.h"
#include "edge_dot.h"

/* The paths keep their own stack frames (a column, a padded row) instead of adding them up in
 * the entry point's. */
#if defined(__GNUC__)
#define CONV2D_PATH static __attribute__((noinline))
#else
#define CONV2D_PATH static
#endif

typedef struct
{
    const int8_t *x;
    const int8_t *weights;
    const int32_t *bias;
    const int32_t *multipliers;
    const int32_t *shifts;
    int8_t *y;
    int32_t in_height, in_width, out_channels, out_height, out_width;
    int32_t kernel_height, kernel_width, stride_height, stride_width;
    int32_t dilation_height, dilation_width, pad_top, pad_left;
    int32_t group_in, group_out;
    int32_t input_offset, zero_point, min, max;
} conv2d_layer;

/* The managed loop, in its order of reads and writes; the only path when output and input overlap. */
CONV2D_PATH void conv2d_plain(const conv2d_layer *l)
{
    const int32_t plane = l->in_height * l->in_width;
    const int32_t taps = l->group_in * l->kernel_height * l->kernel_width;
    int8_t *y = l->y;
    for (int32_t o = 0; o < l->out_channels; o++)
    {
        const uint32_t bias = (uint32_t)l->bias[o];
        edge_requant r = edge_requant_prepare(l->multipliers[o], l->shifts[o], 1);
        const int8_t *first = l->x + (int64_t)(o / l->group_out) * l->group_in * plane;
        const int8_t *wo = l->weights + (int64_t)o * taps;
        for (int32_t oy = 0; oy < l->out_height; oy++)
        {
            const int32_t top = oy * l->stride_height - l->pad_top;
            for (int32_t ox = 0; ox < l->out_width; ox++)
            {
                const int32_t left = ox * l->stride_width - l->pad_left;
                uint32_t acc = bias;
                const int8_t *w = wo;
                const int8_t *x = first;
                for (int32_t i = 0; i < l->group_in; i++, x += plane)
                {
                    for (int32_t ky = 0; ky < l->kernel_height; ky++)
                    {
                        const int32_t iy = top + ky * l->dilation_height;
                        if (iy < 0 || iy >= l->in_height)
                        {
                            w += l->kernel_width;
                            continue;
                        }
                        const int8_t *row = x + (int64_t)iy * l->in_width;
                        for (int32_t kx = 0; kx < l->kernel_width; kx++, w++)
                        {
                            const int32_t ix = left + kx * l->dilation_width;
                            if (ix >= 0 && ix < l->in_width) acc += (uint32_t)edge_wrap_mul(*w, edge_wrap_add(row[ix], l->input_offset));
                        }
                    }
                }
                *y++ = edge_requantize((int32_t)acc, &r, l->zero_point, l->min, l->max);
            }
        }
    }
}

#if EDGE_DSP

/* Receptive-field bytes the column path takes, and output channels prepared together. */
#define CONV2D_COLUMN_BYTES 256
#define CONV2D_CHUNK 8

/* The receptive field of output (top, left) in the channels starting at x, padding taps holding pad. */
static void conv2d_fill_column(const conv2d_layer *l, int8_t *column, const int8_t *x, int32_t top, int32_t left, int8_t pad)
{
    const int32_t plane = l->in_height * l->in_width;
    const int32_t kw = l->kernel_width;
    const int32_t dw = l->dilation_width;
    /* Every tap of a row inside the width: no test per tap. */
    const int inside = left >= 0 && left + (kw - 1) * dw < l->in_width;
    for (int32_t i = 0; i < l->group_in; i++, x += plane)
    {
        for (int32_t ky = 0; ky < l->kernel_height; ky++, column += kw)
        {
            const int32_t iy = top + ky * l->dilation_height;
            if (iy < 0 || iy >= l->in_height)
            {
                for (int32_t kx = 0; kx < kw; kx++) column[kx] = (int8_t)edge_opaque(pad);
                continue;
            }
            const int8_t *row = x + (int64_t)iy * l->in_width + left;
            if (inside)
            {
                if (dw == 1)
                {
                    int32_t kx = 0;
                    for (; kx + 4 <= kw; kx += 4) edge_store4(column + kx, edge_opaque(edge_load4(row + kx)));
                    for (; kx < kw; kx++) column[kx] = (int8_t)edge_opaque(row[kx]);
                }
                else
                {
                    for (int32_t kx = 0; kx < kw; kx++) column[kx] = (int8_t)edge_opaque(row[kx * dw]);
                }
                continue;
            }
            for (int32_t kx = 0; kx < kw; kx++)
            {
                const int32_t ix = left + kx * dw;
                column[kx] = ix >= 0 && ix < l->in_width ? row[kx * dw] : (int8_t)edge_opaque(pad);
            }
        }
    }
}

CONV2D_PATH void conv2d_column(const conv2d_layer *l)
{
    int32_t column_words[CONV2D_COLUMN_BYTES / 4];
    int8_t *column = (int8_t *)column_words;
    const int32_t n = l->group_in * l->kernel_height * l->kernel_width;
    const int32_t plane = l->in_height * l->in_width;
    const int32_t out_plane = l->out_height * l->out_width;
    const int8_t pad = (int8_t)(-l->input_offset);
    for (int32_t o0 = 0; o0 < l->out_channels;)
    {
        /* A chunk never crosses a group: its channels share one receptive field. */
        const int32_t group = o0 / l->group_out;
        const int32_t group_end = (group + 1) * l->group_out;
        const int32_t end = group_end < l->out_channels ? group_end : l->out_channels;
        const int32_t chunk = end - o0 < CONV2D_CHUNK ? end - o0 : CONV2D_CHUNK;
        const int8_t *x = l->x + (int64_t)group * l->group_in * plane;
        const int8_t *w = l->weights + (int64_t)o0 * n;
        int32_t base[CONV2D_CHUNK];
        edge_requant r[CONV2D_CHUNK];
        for (int32_t j = 0; j < chunk; j++)
        {
            base[j] = edge_wrap_add(l->bias[o0 + j], edge_wrap_mul(l->input_offset, edge_sum_int8(w + (int64_t)j * n, n)));
            r[j] = edge_requant_prepare(l->multipliers[o0 + j], l->shifts[o0 + j], 1);
        }
        int8_t *y0 = l->y + (int64_t)o0 * out_plane;
        for (int32_t oy = 0; oy < l->out_height; oy++)
        {
            const int32_t top = oy * l->stride_height - l->pad_top;
            for (int32_t ox = 0; ox < l->out_width; ox++)
            {
                conv2d_fill_column(l, column, x, top, ox * l->stride_width - l->pad_left, pad);
                int8_t *y = y0 + oy * l->out_width + ox;
                int32_t j = 0;
                for (; j + 4 <= chunk; j += 4)
                {
                    int32_t acc[4] = { base[j], base[j + 1], base[j + 2], base[j + 3] };
                    edge_dot4(column, w + (int64_t)j * n, n, n, acc);
                    for (int32_t q = 0; q < 4; q++)
                        y[(int64_t)(j + q) * out_plane] = edge_requantize(acc[q], &r[j + q], l->zero_point, l->min, l->max);
                }
                for (; j < chunk; j++)
                    y[(int64_t)j * out_plane] = edge_requantize(edge_dot1(column, w + (int64_t)j * n, n, base[j]), &r[j], l->zero_point, l->min, l->max);
            }
        }
        o0 += chunk;
    }
}

/* Longest padded input row the depthwise path lays out on the stack. */
#define CONV2D_ROW_BYTES 512

/* Bytes of the padded row of one output row: (out_width - 1)*stride + (kernel - 1)*dilation + 1. */
static int64_t conv2d_row_length(const conv2d_layer *l)
{
    return (int64_t)(l->out_width - 1) * l->stride_width + (int64_t)(l->kernel_width - 1) * l->dilation_width + 1;
}

/*
 * Depthwise with one kernel row (the grouped / dilated 1-D convolutions): each output channel's
 * input row, padding included (-offset), is laid out once per output row, so that the windows of
 * consecutive outputs are `stride` apart in it and one filter runs against four positions at
 * once (edge_dot4 with the filter as the shared vector), as conv1d_int8.c does for one input
 * channel. With a dilation d > 1 (and stride 1) the row is split into its d phases
 * (elements r, r + d, r + 2d, ... of the row in phase r): the taps of output r + m*d are then
 * elements m .. m + kernel - 1 of phase r, contiguous.
 */
CONV2D_PATH void conv2d_depthwise_rows(const conv2d_layer *l)
{
    int32_t row_words[CONV2D_ROW_BYTES / 4];
    int8_t *row = (int8_t *)row_words;
    const int32_t kw = l->kernel_width;
    const int32_t stride = l->stride_width;
    const int32_t phases = l->dilation_width;
    const int32_t length = (int32_t)conv2d_row_length(l);
    const int32_t phase_length = (length + phases - 1) / phases;
    const int32_t plane = l->in_height * l->in_width;
    const int32_t out_plane = l->out_height * l->out_width;
    const int8_t pad = (int8_t)(-l->input_offset);
    for (int32_t o = 0; o < l->out_channels; o++)
    {
        const int8_t *w = l->weights + (int64_t)o * kw;
        const int32_t base = edge_wrap_add(l->bias[o], edge_wrap_mul(l->input_offset, edge_sum_int8(w, kw)));
        const edge_requant r = edge_requant_prepare(l->multipliers[o], l->shifts[o], 1);
        const int8_t *x = l->x + (int64_t)(o / l->group_out) * plane;
        for (int32_t oy = 0; oy < l->out_height; oy++)
        {
            const int32_t iy = oy * l->stride_height - l->pad_top;
            const int8_t *source = iy >= 0 && iy < l->in_height ? x + (int64_t)iy * l->in_width : 0;
            /* Row element i is input column i - pad_left; it goes to phase i % d, place i / d. */
            for (int32_t phase = 0; phase < phases; phase++)
            {
                int8_t *dst = row + phase * phase_length;
                for (int32_t i = phase, q = 0; i < length; i += phases, q++)
                {
                    const int32_t ix = i - l->pad_left;
                    dst[q] = source != 0 && ix >= 0 && ix < l->in_width ? source[ix] : (int8_t)edge_opaque(pad);
                }
            }
            int8_t *y = l->y + (int64_t)o * out_plane + (int64_t)oy * l->out_width;
            for (int32_t phase = 0; phase < phases; phase++)
            {
                const int8_t *windows = row + phase * phase_length;
                /* Outputs phase, phase + d, ...: window m starts at m*stride of the phase row. */
                const int32_t count = (l->out_width - phase + phases - 1) / phases;
                int32_t m = 0;
                for (; m + 4 <= count; m += 4)
                {
                    int32_t acc[4] = { base, base, base, base };
                    edge_dot4(w, windows + m * stride, stride, kw, acc);
                    for (int32_t j = 0; j < 4; j++)
                        y[phase + (m + j) * phases] = edge_requantize(acc[j], &r, l->zero_point, l->min, l->max);
                }
                for (; m < count; m++)
                    y[phase + m * phases] = edge_requantize(edge_dot1(windows + m * stride, w, kw, base), &r, l->zero_point, l->min, l->max);
            }
        }
    }
}

#endif /* EDGE_DSP */

/* |first| and |last| window coordinates along one axis fit int32 (the managed arithmetic does not wrap). */
static int conv2d_axis_fits(int32_t out_length, int32_t stride, int32_t pad, int32_t kernel, int32_t dilation)
{
    const int64_t last = (int64_t)(out_length - 1) * stride - pad + (int64_t)(kernel - 1) * dilation;
    return (int64_t)(kernel - 1) * dilation <= INT32_MAX && last <= INT32_MAX;
}

int32_t edge_conv2d_int8(const int32_t *p, int32_t p_count,
                         const int8_t *weights, int32_t weights_count,
                         const int32_t *ints, int32_t ints_count,
                         int8_t *arena, int32_t arena_count,
                         int32_t input, int32_t output)
{
    if (p_count < EDGE_CONV2D_PARAMETERS) return EDGE_E_RANGE;
    conv2d_layer l;
    const int32_t in_channels = p[EDGE_CONV2D_IN_CHANNELS];
    const int32_t groups = p[EDGE_CONV2D_GROUPS];
    l.in_height = p[EDGE_CONV2D_IN_HEIGHT];
    l.in_width = p[EDGE_CONV2D_IN_WIDTH];
    l.out_channels = p[EDGE_CONV2D_OUT_CHANNELS];
    l.out_height = p[EDGE_CONV2D_OUT_HEIGHT];
    l.out_width = p[EDGE_CONV2D_OUT_WIDTH];
    l.kernel_height = p[EDGE_CONV2D_KERNEL_HEIGHT];
    l.kernel_width = p[EDGE_CONV2D_KERNEL_WIDTH];
    l.stride_height = p[EDGE_CONV2D_STRIDE_HEIGHT];
    l.stride_width = p[EDGE_CONV2D_STRIDE_WIDTH];
    l.dilation_height = p[EDGE_CONV2D_DILATION_HEIGHT];
    l.dilation_width = p[EDGE_CONV2D_DILATION_WIDTH];
    l.pad_top = p[EDGE_CONV2D_PAD_TOP];
    l.pad_left = p[EDGE_CONV2D_PAD_LEFT];
    l.input_offset = p[EDGE_CONV2D_INPUT_OFFSET];
    l.zero_point = p[EDGE_CONV2D_OUTPUT_ZERO_POINT];
    l.min = p[EDGE_CONV2D_ACTIVATION_MIN];
    l.max = p[EDGE_CONV2D_ACTIVATION_MAX];
    /* The managed kernel divides by the groups and by the output channels per group. */
    if (groups == 0) return EDGE_E_DIVIDE_BY_ZERO;
    if (l.out_channels <= 0) return EDGE_OK;
    /* Geometry the load-time check refuses (no positive sizes, strides, dilations, groups) is refused here too. */
    if (groups < 0 || in_channels < 0 || l.in_height <= 0 || l.in_width <= 0 || l.kernel_height <= 0 || l.kernel_width <= 0 ||
        l.stride_height <= 0 || l.stride_width <= 0 || l.dilation_height <= 0 || l.dilation_width <= 0 ||
        l.pad_top < 0 || l.pad_left < 0)
        return EDGE_E_ARGUMENT;
    l.group_in = in_channels / groups;
    l.group_out = l.out_channels / groups;
    if (l.group_out == 0) return EDGE_E_DIVIDE_BY_ZERO;
    if (!edge_fits(p[EDGE_CONV2D_BIAS_AT], l.out_channels, ints_count) ||
        !edge_fits(p[EDGE_CONV2D_MULTIPLIERS_AT], l.out_channels, ints_count) ||
        !edge_fits(p[EDGE_CONV2D_SHIFTS_AT], l.out_channels, ints_count))
        return EDGE_E_RANGE;
    if (l.out_height <= 0 || l.out_width <= 0) return EDGE_OK;
    if (!conv2d_axis_fits(l.out_height, l.stride_height, l.pad_top, l.kernel_height, l.dilation_height) ||
        !conv2d_axis_fits(l.out_width, l.stride_width, l.pad_left, l.kernel_width, l.dilation_width))
        return EDGE_E_ARGUMENT;
    /* Reads are clipped to each plane; the last group read is that of the last output channel. */
    const int64_t plane = (int64_t)l.in_height * l.in_width;
    const int64_t channels_read = l.group_in > 0 ? (int64_t)((l.out_channels - 1) / l.group_out + 1) * l.group_in : 0;
    const int64_t input_count = channels_read * plane;
    const int64_t output_count = (int64_t)l.out_channels * l.out_height * l.out_width;
    const int64_t weight_count = (int64_t)l.out_channels * l.group_in * l.kernel_height * l.kernel_width;
    if (plane > INT32_MAX || !edge_fits(input, input_count, arena_count) || !edge_fits(output, output_count, arena_count) ||
        !edge_fits(p[EDGE_CONV2D_WEIGHTS_AT], weight_count, weights_count))
        return EDGE_E_RANGE;
    l.x = arena + (input_count > 0 ? input : 0);
    l.weights = weights + (weight_count > 0 ? p[EDGE_CONV2D_WEIGHTS_AT] : 0);
    l.bias = ints + p[EDGE_CONV2D_BIAS_AT];
    l.multipliers = ints + p[EDGE_CONV2D_MULTIPLIERS_AT];
    l.shifts = ints + p[EDGE_CONV2D_SHIFTS_AT];
    l.y = arena + output;
#if EDGE_DSP
    if (!edge_overlaps(input, input_count, output, output_count) && weight_count > 0 &&
        l.input_offset >= -EDGE_INT8_MAX && l.input_offset <= -EDGE_INT8_MIN)
    {
        if (l.group_in == 1 && l.kernel_height == 1 && (l.dilation_width == 1 || l.stride_width == 1) &&
            conv2d_row_length(&l) <= CONV2D_ROW_BYTES)
        {
            conv2d_depthwise_rows(&l);
            return EDGE_OK;
        }
        if ((int64_t)l.group_in * l.kernel_height * l.kernel_width <= CONV2D_COLUMN_BYTES)
        {
            conv2d_column(&l);
            return EDGE_OK;
        }
    }
#endif
    conv2d_plain(&l);
    return EDGE_OK;
}
