/*
 * A whole inference in one call: the native override of Interpreter.Invoke's walk over the
 * ops. On nanoCLR every InternalCall costs thousands of instructions of interpreter work
 * (the loop, the virtual call, the marshalling), more than a small layer's arithmetic; one call
 * per inference pays that once.
 *
 * The graph is the interpreter's op list flattened once at load:
 *   [0] op count, then per op: code, input 0, input 1, output, parameter count, parameters.
 * Ops run in order through the same entry points as one at a time, so the results are the
 * per-op results; the first op that fails stops the walk with its status.
 */
#include "edge_internal.h"

#define GRAPH_OP_HEADER 5

int32_t edge_invoke_int8(const int32_t *graph, int32_t graph_count,
                         const int8_t *weights, int32_t weights_count,
                         const int32_t *ints, int32_t ints_count,
                         int8_t *arena8, int32_t arena8_count,
                         int32_t *arena32, int32_t arena32_count,
                         int32_t *failed_op)
{
    if (failed_op != 0) *failed_op = -1;
    if (graph_count < 1 || graph[0] < 0) return EDGE_E_RANGE;
    const int32_t ops = graph[0];
    int32_t at = 1;
    for (int32_t i = 0; i < ops; i++)
    {
        if (graph_count - at < GRAPH_OP_HEADER) return EDGE_E_RANGE;
        const int32_t *op = graph + at;
        const int32_t code = op[0], in0 = op[1], in1 = op[2], out = op[3], p_count = op[4];
        if (p_count < 0 || graph_count - at - GRAPH_OP_HEADER < p_count) return EDGE_E_RANGE;
        const int32_t *p = op + GRAPH_OP_HEADER;
        int32_t status;
        switch (code)
        {
        case 1: status = edge_fully_connected_int8(p, p_count, weights, weights_count, ints, ints_count, arena8, arena8_count, in0, out); break;
        case 2: status = edge_conv1d_int8(p, p_count, weights, weights_count, ints, ints_count, arena8, arena8_count, in0, out); break;
        case 3: status = edge_max_pool1d_int8(p, p_count, arena8, arena8_count, in0, out); break;
        case 4: status = edge_average_pool1d_int8(p, p_count, arena8, arena8_count, in0, out); break;
        case 5: status = edge_clamp_int8(p, p_count, arena8, arena8_count, in0, out); break;
        case 6: status = edge_add_int8(p, p_count, arena8, arena8_count, in0, in1, out); break;
        case 7: status = edge_mul_int8(p, p_count, arena8, arena8_count, in0, in1, out); break;
        case 8: status = edge_lookup_table_int8(p, p_count, weights, weights_count, arena8, arena8_count, in0, out); break;
        case 9: status = edge_softmax_int8(p, p_count, ints, ints_count, arena8, arena8_count, in0, out); break;
        case 10: status = edge_reshape_int8(p, p_count, arena8, arena8_count, in0, out); break;
        case 11: status = edge_tree_ensemble_int8(p, p_count, ints, ints_count, arena32, arena32_count, arena8, arena8_count, in0, out); break;
        case 12: status = edge_conv2d_int8(p, p_count, weights, weights_count, ints, ints_count, arena8, arena8_count, in0, out); break;
        case 13: status = edge_max_pool2d_int8(p, p_count, arena8, arena8_count, in0, out); break;
        case 14: status = edge_average_pool2d_int8(p, p_count, arena8, arena8_count, in0, out); break;
        case 15: status = edge_pad_int8(p, p_count, arena8, arena8_count, in0, out); break;
        case 16: status = edge_strided_copy_int8(p, p_count, arena8, arena8_count, in0, out); break;
        case 17: status = edge_reduce_int8(p, p_count, arena8, arena8_count, in0, out); break;
        case 18: status = edge_prelu_int8(p, p_count, weights, weights_count, ints, ints_count, arena8, arena8_count, in0, out); break;
        case 19: status = edge_argmax_int8(p, p_count, arena8, arena8_count, in0, out); break;
        case 20: status = edge_matmul_int8(p, p_count, arena8, arena8_count, in0, in1, out); break;
        case 21: status = edge_gru_int8(p, p_count, weights, weights_count, ints, ints_count, arena8, arena8_count, arena32, arena32_count, in0, out); break;
        case 22: status = edge_lstm_int8(p, p_count, weights, weights_count, ints, ints_count, arena8, arena8_count, arena32, arena32_count, in0, out); break;
        default: status = EDGE_OK; break;   /* the interpreter's switch skips an unknown code too */
        }
        if (status != EDGE_OK)
        {
            if (failed_op != 0) *failed_op = i;
            return status;
        }
        at += GRAPH_OP_HEADER + p_count;
    }
    return EDGE_OK;
}
