/* Flatten and Reshape: the native override of ReshapeInt8.Eval (a copy unless the output aliases the input). */
#include <string.h>
#include "edge_internal.h"

int32_t edge_reshape_int8(const int32_t *p, int32_t p_count,
                          int8_t *arena, int32_t arena_count,
                          int32_t input, int32_t output)
{
    if (p_count < EDGE_RESHAPE_PARAMETERS) return EDGE_E_RANGE;
    if (input == output) return EDGE_OK;
    const int32_t count = p[EDGE_RESHAPE_COUNT];
    /* Array.Copy reports a negative length or a range past the array as an ArgumentException
     * (not an index error): so does this. */
    if (count < 0 || !edge_fits(input, count, arena_count) || !edge_fits(output, count, arena_count)) return EDGE_E_ARGUMENT;
    /* Array.Copy within one array behaves as if through a temporary: memmove. */
    if (count > 0) memmove(arena + output, arena + input, (size_t)count);
    return EDGE_OK;
}
