//
// Edge.Device.Native.NativeKernels on nanoCLR: each method hands the managed arrays' own
// memory (typed array views, no copies) and their lengths to the C kernel of the same op
// (firmware/Edge.Native, edge_native.h) and turns its status into the HRESULT nanoCLR throws:
// IndexOutOfRangeException for an element outside an array, DivideByZeroException (nanoCLR
// reports it as System.Exception, as it does the managed kernels' own division by zero), and
// ArgumentException for parameters the native kernels refuse to run.
//

#include "Edge_Device_Native.h"
#include "Edge_Device_Native_Edge_Device_Native_NativeKernels.h"
#include "edge_native.h"

using namespace Edge_Device_Native::Edge_Device_Native;

static HRESULT ResultOf(int32_t status)
{
    switch (status)
    {
        case EDGE_OK:
            return S_OK;
        case EDGE_E_RANGE:
            return CLR_E_INDEX_OUT_OF_RANGE;
        case EDGE_E_DIVIDE_BY_ZERO:
            return CLR_E_DIVIDE_BY_ZERO;
        default:
            return CLR_E_INVALID_PARAMETER;
    }
}

// A managed array's element count as the C kernels take it (arrays never reach 2^31 elements here).
template <class T> static int32_t Count(CLR_RT_TypedArray<T> &array)
{
    return (int32_t)array.GetSize();
}

// nanoCLR's int and long arrays hold `signed int` and `signed __int64`; the C kernels take
// int32_t and int64_t, which are the same sizes but may be other types (newlib: int32_t is
// long). The elements are only read and written through these pointers during the call.
static_assert(sizeof(signed int) == sizeof(int32_t), "nanoCLR int is 32 bits");
static_assert(sizeof(signed __int64) == sizeof(int64_t), "nanoCLR long is 64 bits");

static int32_t *Ints(CLR_RT_TypedArray_INT32 &array)
{
    return reinterpret_cast<int32_t *>(array.GetBuffer());
}

static int64_t *Longs(CLR_RT_TypedArray_INT64 &array)
{
    return reinterpret_cast<int64_t *>(array.GetBuffer());
}

signed int NativeKernels::AbiVersion(HRESULT &hr)
{
    hr = S_OK;
    return edge_native_abi_version();
}

signed int NativeKernels::Features(HRESULT &hr)
{
    hr = S_OK;
    return edge_native_features();
}

void NativeKernels::FullyConnectedInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 weights, CLR_RT_TypedArray_INT32 ints,
                                       CLR_RT_TypedArray_INT8 arena, signed int input, signed int output, HRESULT &hr)
{
    hr = ResultOf(edge_fully_connected_int8(Ints(p), Count(p), weights.GetBuffer(), Count(weights), Ints(ints),
                                            Count(ints), arena.GetBuffer(), Count(arena), input, output));
}

void NativeKernels::Conv1DInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 weights, CLR_RT_TypedArray_INT32 ints,
                               CLR_RT_TypedArray_INT8 arena, signed int input, signed int output, HRESULT &hr)
{
    hr = ResultOf(edge_conv1d_int8(Ints(p), Count(p), weights.GetBuffer(), Count(weights), Ints(ints), Count(ints),
                                   arena.GetBuffer(), Count(arena), input, output));
}

void NativeKernels::MaxPool1DInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 arena, signed int input, signed int output, HRESULT &hr)
{
    hr = ResultOf(edge_max_pool1d_int8(Ints(p), Count(p), arena.GetBuffer(), Count(arena), input, output));
}

void NativeKernels::AveragePool1DInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 arena, signed int input, signed int output,
                                      HRESULT &hr)
{
    hr = ResultOf(edge_average_pool1d_int8(Ints(p), Count(p), arena.GetBuffer(), Count(arena), input, output));
}

void NativeKernels::ClampInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 arena, signed int input, signed int output, HRESULT &hr)
{
    hr = ResultOf(edge_clamp_int8(Ints(p), Count(p), arena.GetBuffer(), Count(arena), input, output));
}

void NativeKernels::AddInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 arena, signed int input1, signed int input2,
                            signed int output, HRESULT &hr)
{
    hr = ResultOf(edge_add_int8(Ints(p), Count(p), arena.GetBuffer(), Count(arena), input1, input2, output));
}

void NativeKernels::MulInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 arena, signed int input1, signed int input2,
                            signed int output, HRESULT &hr)
{
    hr = ResultOf(edge_mul_int8(Ints(p), Count(p), arena.GetBuffer(), Count(arena), input1, input2, output));
}

void NativeKernels::LookupTableInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 weights, CLR_RT_TypedArray_INT8 arena,
                                    signed int input, signed int output, HRESULT &hr)
{
    hr = ResultOf(edge_lookup_table_int8(Ints(p), Count(p), weights.GetBuffer(), Count(weights), arena.GetBuffer(), Count(arena),
                                         input, output));
}

void NativeKernels::SoftmaxInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT32 ints, CLR_RT_TypedArray_INT8 arena,
                                signed int input, signed int output, HRESULT &hr)
{
    hr = ResultOf(edge_softmax_int8(Ints(p), Count(p), Ints(ints), Count(ints), arena.GetBuffer(), Count(arena), input, output));
}

void NativeKernels::ReshapeInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 arena, signed int input, signed int output, HRESULT &hr)
{
    hr = ResultOf(edge_reshape_int8(Ints(p), Count(p), arena.GetBuffer(), Count(arena), input, output));
}

void NativeKernels::TreeEnsembleInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT32 ints, CLR_RT_TypedArray_INT32 arena32,
                                     CLR_RT_TypedArray_INT8 arena8, signed int input, signed int output, HRESULT &hr)
{
    hr = ResultOf(edge_tree_ensemble_int8(Ints(p), Count(p), Ints(ints), Count(ints), Ints(arena32), Count(arena32),
                                          arena8.GetBuffer(), Count(arena8), input, output));
}

void NativeKernels::Conv2DInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 weights, CLR_RT_TypedArray_INT32 ints, CLR_RT_TypedArray_INT8 arena, signed int input, signed int output, HRESULT &hr)
{
    hr = ResultOf(edge_conv2d_int8(Ints(p), Count(p), weights.GetBuffer(), Count(weights), Ints(ints), Count(ints), arena.GetBuffer(), Count(arena), input, output));
}

void NativeKernels::MaxPool2DInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 arena, signed int input, signed int output, HRESULT &hr)
{
    hr = ResultOf(edge_max_pool2d_int8(Ints(p), Count(p), arena.GetBuffer(), Count(arena), input, output));
}

void NativeKernels::AveragePool2DInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 arena, signed int input, signed int output, HRESULT &hr)
{
    hr = ResultOf(edge_average_pool2d_int8(Ints(p), Count(p), arena.GetBuffer(), Count(arena), input, output));
}

void NativeKernels::PadInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 arena, signed int input, signed int output, HRESULT &hr)
{
    hr = ResultOf(edge_pad_int8(Ints(p), Count(p), arena.GetBuffer(), Count(arena), input, output));
}

void NativeKernels::StridedCopyInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 arena, signed int input, signed int output, HRESULT &hr)
{
    hr = ResultOf(edge_strided_copy_int8(Ints(p), Count(p), arena.GetBuffer(), Count(arena), input, output));
}

void NativeKernels::ReduceInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 arena, signed int input, signed int output, HRESULT &hr)
{
    hr = ResultOf(edge_reduce_int8(Ints(p), Count(p), arena.GetBuffer(), Count(arena), input, output));
}

void NativeKernels::PReluInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 weights, CLR_RT_TypedArray_INT32 ints, CLR_RT_TypedArray_INT8 arena, signed int input, signed int output, HRESULT &hr)
{
    hr = ResultOf(edge_prelu_int8(Ints(p), Count(p), weights.GetBuffer(), Count(weights), Ints(ints), Count(ints), arena.GetBuffer(), Count(arena), input, output));
}

void NativeKernels::ArgMaxInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 arena, signed int input, signed int output, HRESULT &hr)
{
    hr = ResultOf(edge_argmax_int8(Ints(p), Count(p), arena.GetBuffer(), Count(arena), input, output));
}

void NativeKernels::MatMulInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 arena, signed int input1, signed int input2, signed int output, HRESULT &hr)
{
    hr = ResultOf(edge_matmul_int8(Ints(p), Count(p), arena.GetBuffer(), Count(arena), input1, input2, output));
}

void NativeKernels::GruInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 weights, CLR_RT_TypedArray_INT32 ints, CLR_RT_TypedArray_INT8 arena8, CLR_RT_TypedArray_INT32 arena32, signed int input, signed int output, HRESULT &hr)
{
    hr = ResultOf(edge_gru_int8(Ints(p), Count(p), weights.GetBuffer(), Count(weights), Ints(ints), Count(ints), arena8.GetBuffer(), Count(arena8), Ints(arena32), Count(arena32), input, output));
}

void NativeKernels::LstmInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 weights, CLR_RT_TypedArray_INT32 ints, CLR_RT_TypedArray_INT8 arena8, CLR_RT_TypedArray_INT32 arena32, signed int input, signed int output, HRESULT &hr)
{
    hr = ResultOf(edge_lstm_int8(Ints(p), Count(p), weights.GetBuffer(), Count(weights), Ints(ints), Count(ints), arena8.GetBuffer(), Count(arena8), Ints(arena32), Count(arena32), input, output));
}

void NativeKernels::InvokeInt8(CLR_RT_TypedArray_INT32 graph, CLR_RT_TypedArray_INT8 weights, CLR_RT_TypedArray_INT32 ints,
                               CLR_RT_TypedArray_INT8 arena8, CLR_RT_TypedArray_INT32 arena32, HRESULT &hr)
{
    hr = ResultOf(edge_invoke_int8(Ints(graph), Count(graph), weights.GetBuffer(), Count(weights), Ints(ints), Count(ints),
                                   arena8.GetBuffer(), Count(arena8), Ints(arena32), Count(arena32), 0));
}

void NativeKernels::DriftLayoutCheck(CLR_RT_TypedArray_INT32 layout, signed int cells, signed int edges, HRESULT &hr)
{
    hr = ResultOf(edge_drift_layout_check(Ints(layout), Count(layout), cells, edges));
}

void NativeKernels::DriftObserve(CLR_RT_TypedArray_INT32 layout, CLR_RT_TypedArray_INT32 edges, CLR_RT_TypedArray_INT32 row,
                                 signed int offset, CLR_RT_TypedArray_UINT16 window, CLR_RT_TypedArray_INT64 windowTailLow,
                                 CLR_RT_TypedArray_INT64 windowTailHigh, bool anomalous, CLR_RT_TypedArray_UINT16 anomalousCounts,
                                 CLR_RT_TypedArray_INT64 anomalousTailLow, CLR_RT_TypedArray_INT64 anomalousTailHigh,
                                 CLR_RT_TypedArray_UINT16 decayed, HRESULT &hr)
{
    hr = ResultOf(edge_drift_observe(Ints(layout), Count(layout), Ints(edges), Count(edges), Ints(row), Count(row),
                                     offset, window.GetBuffer(), Count(window), Longs(windowTailLow),
                                     Count(windowTailLow), Longs(windowTailHigh), Count(windowTailHigh),
                                     anomalous ? 1 : 0, anomalousCounts.GetBuffer(), Count(anomalousCounts),
                                     Longs(anomalousTailLow), Count(anomalousTailLow),
                                     Longs(anomalousTailHigh), Count(anomalousTailHigh), decayed.GetBuffer(),
                                     Count(decayed)));
}

void NativeKernels::DriftDecay(CLR_RT_TypedArray_UINT16 decayed, signed int shift, HRESULT &hr)
{
    hr = ResultOf(edge_drift_decay(decayed.GetBuffer(), Count(decayed), shift));
}
