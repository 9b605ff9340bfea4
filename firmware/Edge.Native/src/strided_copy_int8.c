/*
 * A strided copy of up to four nested loops, with an optional requantisation: the native
 * override of StridedCopyInt8.Eval (Transpose, Slice, Split, Concat's parts, Gather on a
 * constant index). Every index the loops reach is bounded once, in 64 bits, before anything
 * is written; the copy then runs in the managed order, so overlapping ranges agree too.
 */
#include "edge_internal.h"

/* The lowest and highest index the loops reach from base (counts all positive). */
static void copy_reach(const int32_t *p, int64_t base, int32_t stride0, int64_t *low, int64_t *high)
{
    *low = base;
    *high = base;
    for (int32_t k = 0; k < 4; k++)
    {
        const int64_t span = (int64_t)(p[EDGE_COPY_COUNT0 + k] - 1) * p[stride0 + k];
        if (span < 0) *low += span;
        else *high += span;
    }
}

int32_t edge_strided_copy_int8(const int32_t *p, int32_t p_count,
                               int8_t *arena, int32_t arena_count,
                               int32_t input, int32_t output)
{
    if (p_count < EDGE_COPY_PARAMETERS) return EDGE_E_RANGE;
    for (int32_t k = 0; k < 4; k++)
    {
        if (p[EDGE_COPY_COUNT0 + k] <= 0) return EDGE_OK;   /* the managed loops copy nothing */
    }
    int64_t in_low, in_high, out_low, out_high;
    copy_reach(p, (int64_t)input + p[EDGE_COPY_INPUT_START], EDGE_COPY_INPUT_STRIDE0, &in_low, &in_high);
    copy_reach(p, (int64_t)output + p[EDGE_COPY_OUTPUT_START], EDGE_COPY_OUTPUT_STRIDE0, &out_low, &out_high);
    if (in_low < 0 || in_high >= arena_count || out_low < 0 || out_high >= arena_count) return EDGE_E_RANGE;
    const int32_t c0 = p[EDGE_COPY_COUNT0], c1 = p[EDGE_COPY_COUNT0 + 1], c2 = p[EDGE_COPY_COUNT0 + 2], c3 = p[EDGE_COPY_COUNT0 + 3];
    const int32_t is3 = p[EDGE_COPY_INPUT_STRIDE0 + 3], os3 = p[EDGE_COPY_OUTPUT_STRIDE0 + 3];
    const int32_t multiplier = p[EDGE_COPY_MULTIPLIER];
    const int32_t input_offset = p[EDGE_COPY_INPUT_OFFSET];
    const int32_t zero_point = p[EDGE_COPY_OUTPUT_ZERO_POINT];
    const edge_requant r = edge_requant_prepare(multiplier, p[EDGE_COPY_SHIFT], 1);
    for (int32_t i0 = 0; i0 < c0; i0++)
    for (int32_t i1 = 0; i1 < c1; i1++)
    for (int32_t i2 = 0; i2 < c2; i2++)
    {
        /* Inside the bounds above, so none of this wraps. */
        const int32_t x = input + p[EDGE_COPY_INPUT_START] + i0 * p[EDGE_COPY_INPUT_STRIDE0] + i1 * p[EDGE_COPY_INPUT_STRIDE0 + 1] + i2 * p[EDGE_COPY_INPUT_STRIDE0 + 2];
        const int32_t y = output + p[EDGE_COPY_OUTPUT_START] + i0 * p[EDGE_COPY_OUTPUT_STRIDE0] + i1 * p[EDGE_COPY_OUTPUT_STRIDE0 + 1] + i2 * p[EDGE_COPY_OUTPUT_STRIDE0 + 2];
        const int8_t *src = arena + x;
        int8_t *dst = arena + y;
        if (multiplier == 0)
        {
            if (is3 == 1 && os3 == 1 && (dst + c3 <= src || src + c3 <= dst))
            {
                for (int32_t i3 = 0; i3 < c3; i3++) dst[i3] = src[i3];
                continue;
            }
            for (int32_t i3 = 0; i3 < c3; i3++) dst[(int64_t)i3 * os3] = src[(int64_t)i3 * is3];
            continue;
        }
        for (int32_t i3 = 0; i3 < c3; i3++)
            dst[(int64_t)i3 * os3] = edge_requantize(edge_wrap_add(src[(int64_t)i3 * is3], input_offset), &r, zero_point, EDGE_INT8_MIN, EDGE_INT8_MAX);
    }
    return EDGE_OK;
}
