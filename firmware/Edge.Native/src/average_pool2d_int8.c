/*
 * 2-D average pooling over [channels][height][width]: the native override of
 * AveragePool2DInt8.Eval. The window's sum (with count_include_pad, the padding counted as the
 * zero point) divided by its size, rounded half away from zero as the managed integer division
 * does it, clamped. Writes go in the managed order, so an output overlapping the input agrees too.
 */
#include "pool2d_window.h"

int32_t edge_average_pool2d_int8(const int32_t *p, int32_t p_count,
                                 int8_t *arena, int32_t arena_count,
                                 int32_t input, int32_t output)
{
    if (p_count < EDGE_AVGPOOL2D_PARAMETERS) return EDGE_E_RANGE;
    pool2d_geometry g;
    int active;
    int32_t status = pool2d_check(p, arena_count, input, output, &g, &active);
    if (status != EDGE_OK || !active) return status;
    const int include_pad = p[EDGE_AVGPOOL2D_COUNT_INCLUDE_PAD] != 0;
    const int32_t zero_point = p[EDGE_AVGPOOL2D_ZERO_POINT];
    const int32_t min = p[EDGE_AVGPOOL2D_ACTIVATION_MIN];
    const int32_t max = p[EDGE_AVGPOOL2D_ACTIVATION_MAX];
    const int32_t area = edge_wrap_mul(g.kernel_height, g.kernel_width);
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
                uint32_t total = 0;
                for (int32_t iy = y_from; iy < y_to; iy++)
                {
                    const int8_t *row = plane + (int64_t)iy * g.in_width;
                    for (int32_t ix = x_from; ix < x_to; ix++) total += (uint32_t)(int32_t)row[ix];
                }
                int32_t sum = (int32_t)total;
                int32_t count = edge_wrap_mul(y_to - y_from, x_to - x_from);
                if (include_pad)
                {
                    sum = edge_wrap_add(sum, edge_wrap_mul(zero_point, area - count));
                    count = area;
                }
                if (count == 0) return EDGE_E_DIVIDE_BY_ZERO;
                int32_t avg;
                if (count == -1) avg = (int32_t)(0u - (uint32_t)(sum > 0 ? edge_wrap_add(sum, count / 2) : edge_wrap_add(sum, -(count / 2))));
                else avg = sum > 0 ? edge_wrap_add(sum, count / 2) / count : edge_wrap_add(sum, -(count / 2)) / count;
                *y++ = (int8_t)edge_clamp(avg, min, max);
            }
        }
    }
    return EDGE_OK;
}
