/*
 * 2-D max pooling over [channels][height][width]: the native override of MaxPool2DInt8.Eval.
 * Padding never wins; the maximum starts at -128 and is clamped to the activation range.
 * Writes go in the managed order, so an output overlapping the input agrees too.
 */
#include "pool2d_window.h"

int32_t edge_max_pool2d_int8(const int32_t *p, int32_t p_count,
                             int8_t *arena, int32_t arena_count,
                             int32_t input, int32_t output)
{
    if (p_count < EDGE_MAXPOOL2D_PARAMETERS) return EDGE_E_RANGE;
    pool2d_geometry g;
    int active;
    int32_t status = pool2d_check(p, arena_count, input, output, &g, &active);
    if (status != EDGE_OK || !active) return status;
    const int32_t min = p[EDGE_MAXPOOL2D_ACTIVATION_MIN];
    const int32_t max = p[EDGE_MAXPOOL2D_ACTIVATION_MAX];
    int8_t *y = arena + output;
    for (int32_t ch = 0; ch < g.channels; ch++)
    {
        const int8_t *plane = arena + input + (int64_t)ch * g.in_height * g.in_width;
        for (int32_t oy = 0; oy < g.out_height; oy++)
        {
            int32_t y_from, y_to;
            pool2d_span(oy, g.stride_height, g.pad_top, g.kernel_height, g.in_height, &y_from, &y_to);
            for (int32_t ox = 0; ox < g.out_width; ox++)
            {
                int32_t x_from, x_to;
                pool2d_span(ox, g.stride_width, g.pad_left, g.kernel_width, g.in_width, &x_from, &x_to);
                int32_t best = EDGE_INT8_MIN;
                for (int32_t iy = y_from; iy < y_to; iy++)
                {
                    const int8_t *row = plane + (int64_t)iy * g.in_width;
                    for (int32_t ix = x_from; ix < x_to; ix++)
                    {
                        if (row[ix] > best) best = row[ix];
                    }
                }
                *y++ = (int8_t)edge_clamp(best, min, max);
            }
        }
    }
    return EDGE_OK;
}
