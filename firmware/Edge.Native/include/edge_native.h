/*
 * Edge native kernels: the board's int8 inference ops and the drift monitor's per-sample
 * histogram update, in C, computing exactly what the managed reference kernels in
 * firmware/Edge.Device compute (same integers, same rounding, same wrap-around).
 *
 * Every entry point takes the managed engine's own arrays (pointer and element count) and
 * offsets, and an op's parameters in the order the .edgem format stores them
 * (firmware/docs/model-format.md; the indices are in edge_params.h). Before touching memory,
 * an entry point checks that every element it may read or write lies inside its array (the
 * extents the load-time check, Kernels.Check, guarantees for a model), so a wrong call returns
 * an error instead of writing past an array, and the bindings (P/Invoke on the host, the
 * nanoFramework interop stubs on the board) throw what the managed kernel throws:
 * IndexOutOfRangeException. (A wrong call the managed kernel survives because it happens not
 * to read the missing part of a table can fail here.)
 */
#ifndef EDGE_NATIVE_H
#define EDGE_NATIVE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped whenever an entry point changes what it computes or takes. The managed side refuses a
 * native library whose version differs and runs its own kernels instead. */
#define EDGE_NATIVE_ABI_VERSION 2   /* 2: op codes 12-22 (Conv2D ... Lstm) */

/* Results of every entry point. */
#define EDGE_OK 0
#define EDGE_E_RANGE (-1)            /* an element outside its array (too few parameters included) */
#define EDGE_E_DIVIDE_BY_ZERO (-2)   /* a pooling window without elements, a softmax row summing to 0 */
#define EDGE_E_ARGUMENT (-3)         /* parameters the managed kernel would loop on for ever (a tree node
                                        whose child is itself) or whose window arithmetic wraps */

/* edge_native_features() bits. */
#define EDGE_FEATURE_DSP 1           /* built with the Armv7E-M DSP (SIMD) inner loops */

int32_t edge_native_abi_version(void);
int32_t edge_native_features(void);

/* ---- int8 inference: one entry per op, named after the managed kernel it overrides ---- */

/* FullyConnectedInt8.Eval */
int32_t edge_fully_connected_int8(const int32_t *p, int32_t p_count,
                                  const int8_t *weights, int32_t weights_count,
                                  const int32_t *ints, int32_t ints_count,
                                  int8_t *arena, int32_t arena_count,
                                  int32_t input, int32_t output);

/* Conv1DInt8.Eval */
int32_t edge_conv1d_int8(const int32_t *p, int32_t p_count,
                         const int8_t *weights, int32_t weights_count,
                         const int32_t *ints, int32_t ints_count,
                         int8_t *arena, int32_t arena_count,
                         int32_t input, int32_t output);

/* MaxPool1DInt8.Eval */
int32_t edge_max_pool1d_int8(const int32_t *p, int32_t p_count,
                             int8_t *arena, int32_t arena_count,
                             int32_t input, int32_t output);

/* AveragePool1DInt8.Eval */
int32_t edge_average_pool1d_int8(const int32_t *p, int32_t p_count,
                                 int8_t *arena, int32_t arena_count,
                                 int32_t input, int32_t output);

/* ClampInt8.Eval */
int32_t edge_clamp_int8(const int32_t *p, int32_t p_count,
                        int8_t *arena, int32_t arena_count,
                        int32_t input, int32_t output);

/* AddInt8.Eval */
int32_t edge_add_int8(const int32_t *p, int32_t p_count,
                      int8_t *arena, int32_t arena_count,
                      int32_t input1, int32_t input2, int32_t output);

/* MulInt8.Eval */
int32_t edge_mul_int8(const int32_t *p, int32_t p_count,
                      int8_t *arena, int32_t arena_count,
                      int32_t input1, int32_t input2, int32_t output);

/* LookupTableInt8.Eval */
int32_t edge_lookup_table_int8(const int32_t *p, int32_t p_count,
                               const int8_t *weights, int32_t weights_count,
                               int8_t *arena, int32_t arena_count,
                               int32_t input, int32_t output);

/* SoftmaxInt8.Eval */
int32_t edge_softmax_int8(const int32_t *p, int32_t p_count,
                          const int32_t *ints, int32_t ints_count,
                          int8_t *arena, int32_t arena_count,
                          int32_t input, int32_t output);

/* ReshapeInt8.Eval */
int32_t edge_reshape_int8(const int32_t *p, int32_t p_count,
                          int8_t *arena, int32_t arena_count,
                          int32_t input, int32_t output);

/* TreeEnsembleInt8.Eval: features (float keys) and accumulators in the int32 arena, output in the int8 arena. */
int32_t edge_tree_ensemble_int8(const int32_t *p, int32_t p_count,
                                const int32_t *ints, int32_t ints_count,
                                int32_t *arena32, int32_t arena32_count,
                                int8_t *arena8, int32_t arena8_count,
                                int32_t input, int32_t output);

/* Conv2DInt8.Eval (groups, dilation; also the grouped / dilated 1-D convolutions) */
int32_t edge_conv2d_int8(const int32_t *p, int32_t p_count,
                         const int8_t *weights, int32_t weights_count,
                         const int32_t *ints, int32_t ints_count,
                         int8_t *arena, int32_t arena_count,
                         int32_t input, int32_t output);

/* MaxPool2DInt8.Eval */
int32_t edge_max_pool2d_int8(const int32_t *p, int32_t p_count,
                             int8_t *arena, int32_t arena_count,
                             int32_t input, int32_t output);

/* AveragePool2DInt8.Eval */
int32_t edge_average_pool2d_int8(const int32_t *p, int32_t p_count,
                                 int8_t *arena, int32_t arena_count,
                                 int32_t input, int32_t output);

/* PadInt8.Eval */
int32_t edge_pad_int8(const int32_t *p, int32_t p_count,
                      int8_t *arena, int32_t arena_count,
                      int32_t input, int32_t output);

/* StridedCopyInt8.Eval */
int32_t edge_strided_copy_int8(const int32_t *p, int32_t p_count,
                               int8_t *arena, int32_t arena_count,
                               int32_t input, int32_t output);

/* ReduceInt8.Eval */
int32_t edge_reduce_int8(const int32_t *p, int32_t p_count,
                         int8_t *arena, int32_t arena_count,
                         int32_t input, int32_t output);

/* PReluInt8.Eval */
int32_t edge_prelu_int8(const int32_t *p, int32_t p_count,
                        const int8_t *weights, int32_t weights_count,
                        const int32_t *ints, int32_t ints_count,
                        int8_t *arena, int32_t arena_count,
                        int32_t input, int32_t output);

/* ArgMaxInt8.Eval */
int32_t edge_argmax_int8(const int32_t *p, int32_t p_count,
                         int8_t *arena, int32_t arena_count,
                         int32_t input, int32_t output);

/* MatMulInt8.Eval: two activations */
int32_t edge_matmul_int8(const int32_t *p, int32_t p_count,
                         int8_t *arena, int32_t arena_count,
                         int32_t input1, int32_t input2, int32_t output);

/* GruInt8.Eval: state in the int32 arena */
int32_t edge_gru_int8(const int32_t *p, int32_t p_count,
                      const int8_t *weights, int32_t weights_count,
                      const int32_t *ints, int32_t ints_count,
                      int8_t *arena8, int32_t arena8_count,
                      int32_t *arena32, int32_t arena32_count,
                      int32_t input, int32_t output);

/* LstmInt8.Eval: state in the int32 arena */
int32_t edge_lstm_int8(const int32_t *p, int32_t p_count,
                       const int8_t *weights, int32_t weights_count,
                       const int32_t *ints, int32_t ints_count,
                       int8_t *arena8, int32_t arena8_count,
                       int32_t *arena32, int32_t arena32_count,
                       int32_t input, int32_t output);

/* Interpreter.Invoke: every op of a graph in order, through the entry points above. graph is
 * [0] op count, then per op: code, input 0, input 1, output, parameter count, parameters (the
 * .edgem op codes; an unknown code is skipped, as the interpreter skips it). *failed_op (when
 * not null) receives the index of the op that failed, or -1. */
#define EDGE_GRAPH_OP_HEADER 5
int32_t edge_invoke_int8(const int32_t *graph, int32_t graph_count,
                         const int8_t *weights, int32_t weights_count,
                         const int32_t *ints, int32_t ints_count,
                         int8_t *arena8, int32_t arena8_count,
                         int32_t *arena32, int32_t arena32_count,
                         int32_t *failed_op);

/* ---- drift: the per-sample update of every column's histograms (DriftMonitor.Observe) ----
 *
 * layout, built once per profile (edge_drift_layout_check tells whether it is sound):
 *   [0] columns, [1] histogram cells (all columns' slots), [2] edges (all binned columns'),
 *   [3] written by edge_drift_observe: the missing values in the row it last observed,
 *   then per column c, at 4 + 3c: first cell, slots, first edge (-1: categorical column).
 * A binned column of s slots has s - 1 edges. */
#define EDGE_DRIFT_LAYOUT_HEADER 4
#define EDGE_DRIFT_LAYOUT_MISSING 3

/* A missing value in a drift row (FixedPointInput.Missing: no number converts to it). */
#define EDGE_DRIFT_MISSING INT32_MIN
#define EDGE_DRIFT_LAYOUT_PER_COLUMN 3

/* EDGE_OK when the layout describes columns whose cells and edges lie inside arrays of
 * cells_count and edges_count elements. */
int32_t edge_drift_layout_check(const int32_t *layout, int32_t layout_count,
                                int32_t cells_count, int32_t edges_count);

/* One sample: for each column, the slot of row[offset + c] (binary search over the edges, or
 * the category index with the last slot for unseen values), counted in window (and, when
 * anomalous, in anomalous) with the binned columns' tail sums, and 16 (one sample in Q4) added
 * to the decayed cell. Counts are 16-bit and wrap as the managed ushort cells do. A missing
 * value (EDGE_DRIFT_MISSING) is kept out of every histogram; how many the row had goes to
 * layout[EDGE_DRIFT_LAYOUT_MISSING], so the caller counts them per column only when there are any. */
int32_t edge_drift_observe(int32_t *layout, int32_t layout_count,
                           const int32_t *edges, int32_t edges_count,
                           const int32_t *row, int32_t row_count, int32_t offset,
                           uint16_t *window, int32_t window_count,
                           int64_t *window_tail_low, int32_t window_tail_low_count,
                           int64_t *window_tail_high, int32_t window_tail_high_count,
                           int32_t anomalous,
                           uint16_t *anomalous_counts, int32_t anomalous_count,
                           int64_t *anomalous_tail_low, int32_t anomalous_tail_low_count,
                           int64_t *anomalous_tail_high, int32_t anomalous_tail_high_count,
                           uint16_t *decayed, int32_t decayed_count);

/* The decayed histogram's periodic decay (DecayedSketch.EndSample, the block's last sample):
 * every cell loses (cell + 2^(shift-1)) >> shift. */
int32_t edge_drift_decay(uint16_t *decayed, int32_t decayed_count, int32_t shift);

#ifdef __cplusplus
}
#endif

#endif /* EDGE_NATIVE_H */
