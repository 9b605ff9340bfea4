/*
 * MatMul of two activations, A [batches][rows][depth] by B [batches][depth][columns]: the
 * native override of MatMulInt8.Eval.
 *   out[b,r,c] = clamp(MBQM(sum_d (A[b,r,d] + off_a)(B[b,d,c] + off_b), M, s) + zp_out)
 * Sums are modulo 2^32 as the managed int accumulator's. With the DSP extension and an output
 * apart from both inputs, each column of B is gathered once per batch into a contiguous
 * vector on the stack (depth up to 256) holding B + off_b, and the rows of A (plus off_a, a
 * 16-bit lane offset) run against it two MACs an instruction; otherwise the managed loop.
 */
#include "edge_internal.h"
#include "edge_dot.h"

#define MATMUL_COLUMN 256

typedef struct
{
    const int8_t *a;
    const int8_t *b;
    int8_t *y;
    int32_t batches, rows, depth, columns, offset_a, offset_b, zero_point, min, max;
    edge_requant r;
} matmul_layer;

static void matmul_plain(const matmul_layer *l)
{
    int8_t *y = l->y;
    for (int32_t batch = 0; batch < l->batches; batch++)
    {
        const int8_t *a = l->a + (int64_t)batch * l->rows * l->depth;
        const int8_t *m = l->b + (int64_t)batch * l->depth * l->columns;
        for (int32_t r = 0; r < l->rows; r++)
        {
            for (int32_t c = 0; c < l->columns; c++)
            {
                uint32_t acc = 0;
                for (int32_t d = 0; d < l->depth; d++)
                    acc += (uint32_t)edge_wrap_mul(edge_wrap_add(a[(int64_t)r * l->depth + d], l->offset_a),
                                                   edge_wrap_add(m[(int64_t)d * l->columns + c], l->offset_b));
                *y++ = edge_requantize((int32_t)acc, &l->r, l->zero_point, l->min, l->max);
            }
        }
    }
}

#if EDGE_DSP

static void matmul_dsp(const matmul_layer *l)
{
    int16_t column[MATMUL_COLUMN];
    const int32_t offset_a2 = edge_pair(l->offset_a);
    for (int32_t batch = 0; batch < l->batches; batch++)
    {
        const int8_t *a = l->a + (int64_t)batch * l->rows * l->depth;
        const int8_t *m = l->b + (int64_t)batch * l->depth * l->columns;
        int8_t *y = l->y + (int64_t)batch * l->rows * l->columns;
        for (int32_t c = 0; c < l->columns; c++)
        {
            /* B's column plus its offset, as 16-bit pairs in the lane order of edge_lanes_even/odd:
             * for each word of A (bytes 0..3), [0]=b0, [1]=b2, [2]=b1, [3]=b3. */
            int32_t d = 0;
            for (; d + 4 <= l->depth; d += 4)
            {
                column[d] = (int16_t)(m[(int64_t)d * l->columns + c] + l->offset_b);
                column[d + 1] = (int16_t)(m[(int64_t)(d + 2) * l->columns + c] + l->offset_b);
                column[d + 2] = (int16_t)(m[(int64_t)(d + 1) * l->columns + c] + l->offset_b);
                column[d + 3] = (int16_t)(m[(int64_t)(d + 3) * l->columns + c] + l->offset_b);
            }
            for (; d < l->depth; d++) column[d] = (int16_t)(m[(int64_t)d * l->columns + c] + l->offset_b);
            for (int32_t r = 0; r < l->rows; r++)
            {
                const int8_t *ar = a + (int64_t)r * l->depth;
                int32_t acc = 0;
                int32_t k = 0;
                for (; k + 4 <= l->depth; k += 4)
                {
                    int32_t av = edge_load4(ar + k);
                    int32_t even, odd;
                    __builtin_memcpy(&even, column + k, 4);
                    __builtin_memcpy(&odd, column + k + 2, 4);
                    acc = edge_dual_mac(edge_lanes_even_plus(av, offset_a2), even, acc);
                    acc = edge_dual_mac(edge_lanes_odd_plus(av, offset_a2), odd, acc);
                }
                for (; k < l->depth; k++) acc = edge_wrap_add(acc, (ar[k] + l->offset_a) * column[k]);
                y[(int64_t)r * l->columns + c] = edge_requantize(acc, &l->r, l->zero_point, l->min, l->max);
            }
        }
    }
}

#endif /* EDGE_DSP */

int32_t edge_matmul_int8(const int32_t *p, int32_t p_count,
                         int8_t *arena, int32_t arena_count,
                         int32_t input1, int32_t input2, int32_t output)
{
    if (p_count < EDGE_MATMUL_PARAMETERS) return EDGE_E_RANGE;
    matmul_layer l;
    l.batches = p[EDGE_MATMUL_BATCHES];
    l.rows = p[EDGE_MATMUL_ROWS];
    l.depth = p[EDGE_MATMUL_DEPTH];
    l.columns = p[EDGE_MATMUL_COLUMNS];
    l.offset_a = p[EDGE_MATMUL_INPUT1_OFFSET];
    l.offset_b = p[EDGE_MATMUL_INPUT2_OFFSET];
    l.zero_point = p[EDGE_MATMUL_OUTPUT_ZERO_POINT];
    l.min = p[EDGE_MATMUL_ACTIVATION_MIN];
    l.max = p[EDGE_MATMUL_ACTIVATION_MAX];
    if (l.batches <= 0 || l.rows <= 0 || l.columns <= 0) return EDGE_OK;
    if (l.depth < 0) l.depth = 0;
    const int64_t a_count = (int64_t)l.batches * l.rows * l.depth;
    const int64_t b_count = (int64_t)l.batches * l.depth * l.columns;
    const int64_t y_count = (int64_t)l.batches * l.rows * l.columns;
    if (!edge_fits(input1, a_count, arena_count) || !edge_fits(input2, b_count, arena_count) || !edge_fits(output, y_count, arena_count))
        return EDGE_E_RANGE;
    l.a = arena + (a_count > 0 ? input1 : 0);
    l.b = arena + (b_count > 0 ? input2 : 0);
    l.y = arena + output;
    l.r = edge_requant_prepare(p[EDGE_MATMUL_MULTIPLIER], p[EDGE_MATMUL_SHIFT], 1);
#if EDGE_DSP
    /* 16-bit lanes hold x + offset for offsets in -127..128 (x + offset within -255..255). */
    if (l.depth <= MATMUL_COLUMN && !edge_overlaps(input1, a_count, output, y_count) && !edge_overlaps(input2, b_count, output, y_count) &&
        l.offset_a >= -EDGE_INT8_MAX && l.offset_a <= -EDGE_INT8_MIN && l.offset_b >= -EDGE_INT8_MAX && l.offset_b <= -EDGE_INT8_MIN)
    {
        matmul_dsp(&l);
        return EDGE_OK;
    }
#endif
    matmul_plain(&l);
    return EDGE_OK;
}
