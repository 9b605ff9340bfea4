/*
 * Padding of a tensor of up to four dimensions (constant, reflect, edge): the native override
 * of PadInt8.Eval. Each output element reads the input element its coordinates map to, or the
 * constant. The mapping is worked out per axis before anything is written, so a mapping that
 * would leave an axis (the load-time check refuses it) is refused here instead of read.
 */
#include "edge_internal.h"

/* PadInt8.Source: the input index of output coordinate t - begin, or -1 for the constant. */
static int32_t pad_source(int32_t t, int32_t n, int32_t mode)
{
    if (t >= 0 && t < n) return t;
    if (mode == EDGE_PAD_MODE_CONSTANT) return -1;
    if (mode == EDGE_PAD_MODE_EDGE) return t < 0 ? 0 : edge_wrap_add(n, -1);
    return t < 0 ? (int32_t)(0u - (uint32_t)t) : edge_wrap_add(edge_wrap_mul(2, edge_wrap_add(n, -1)), (int32_t)(0u - (uint32_t)t));
}

int32_t edge_pad_int8(const int32_t *p, int32_t p_count,
                      int8_t *arena, int32_t arena_count,
                      int32_t input, int32_t output)
{
    if (p_count < EDGE_PAD_PARAMETERS) return EDGE_E_RANGE;
    const int32_t mode = p[EDGE_PAD_MODE];
    const int8_t value = (int8_t)p[EDGE_PAD_VALUE];
    int64_t out_count = 1, in_count = 1;
    for (int32_t a = 0; a < 4; a++)
    {
        const int32_t n = p[EDGE_PAD_IN0 + a], m = p[EDGE_PAD_OUT0 + a], begin = p[EDGE_PAD_BEGIN0 + a];
        if (m <= 0) return EDGE_OK;   /* the managed loops write nothing */
        if (n < 0) return EDGE_E_ARGUMENT;
        for (int32_t o = 0; o < m; o++)
        {
            const int32_t s = pad_source(edge_wrap_add(o, (int32_t)(0u - (uint32_t)begin)), n, mode);
            if (s < -1 || s >= n || (s == -1 && mode != EDGE_PAD_MODE_CONSTANT)) return EDGE_E_ARGUMENT;
        }
        out_count *= m;
        in_count *= n;
        if (out_count > INT32_MAX || in_count > INT32_MAX) return EDGE_E_RANGE;
    }
    if (!edge_fits(output, out_count, arena_count) || !edge_fits(input, in_count, arena_count)) return EDGE_E_RANGE;
    const int32_t n1 = p[EDGE_PAD_IN0 + 1], n2 = p[EDGE_PAD_IN0 + 2], n3 = p[EDGE_PAD_IN0 + 3];
    int8_t *y = arena + output;
    for (int32_t o0 = 0; o0 < p[EDGE_PAD_OUT0]; o0++)
    {
        const int32_t i0 = pad_source(o0 - p[EDGE_PAD_BEGIN0], p[EDGE_PAD_IN0], mode);
        for (int32_t o1 = 0; o1 < p[EDGE_PAD_OUT0 + 1]; o1++)
        {
            const int32_t i1 = pad_source(o1 - p[EDGE_PAD_BEGIN0 + 1], n1, mode);
            for (int32_t o2 = 0; o2 < p[EDGE_PAD_OUT0 + 2]; o2++)
            {
                const int32_t i2 = pad_source(o2 - p[EDGE_PAD_BEGIN0 + 2], n2, mode);
                const int8_t *row = i0 < 0 || i1 < 0 || i2 < 0 ? 0 : arena + input + (((int64_t)i0 * n1 + i1) * n2 + i2) * n3;
                const int32_t out3 = p[EDGE_PAD_OUT0 + 3], begin3 = p[EDGE_PAD_BEGIN0 + 3];
                if (row == 0)
                {
                    for (int32_t o3 = 0; o3 < out3; o3++) *y++ = (int8_t)edge_opaque(value);
                    continue;
                }
                /* In increasing o3 as the managed loop: the padding before, the row itself, the padding after. */
                const int32_t from = begin3 < 0 ? 0 : begin3 > out3 ? out3 : begin3;
                const int64_t end = (int64_t)begin3 + n3;
                const int32_t to = end < from ? from : end > out3 ? out3 : (int32_t)end;
                for (int32_t o3 = 0; o3 < from; o3++)
                {
                    const int32_t i3 = pad_source(o3 - begin3, n3, mode);
                    *y++ = i3 < 0 ? value : row[i3];
                }
                const int8_t *src = row + (from - begin3);
                for (int32_t o3 = from; o3 < to; o3++) *y++ = (int8_t)edge_opaque(*src++);
                for (int32_t o3 = to; o3 < out3; o3++)
                {
                    const int32_t i3 = pad_source(o3 - begin3, n3, mode);
                    *y++ = i3 < 0 ? value : row[i3];
                }
            }
        }
    }
    return EDGE_OK;
}
