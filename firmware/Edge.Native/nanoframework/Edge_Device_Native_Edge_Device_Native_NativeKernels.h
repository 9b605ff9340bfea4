//
// The functions behind Edge.Device.Native.NativeKernels' InternalCall methods, one per method,
// with the parameter types the MetadataProcessor's marshalling passes (typed array views for
// arrays, plain values otherwise, an HRESULT to report failure). Implemented in
// Edge_Device_Native_Edge_Device_Native_NativeKernels.cpp on top of the C kernels.
//

#ifndef EDGE_DEVICE_NATIVE_EDGE_DEVICE_NATIVE_EDGE_DEVICE_NATIVE_NATIVEKERNELS_H
#define EDGE_DEVICE_NATIVE_EDGE_DEVICE_NATIVE_EDGE_DEVICE_NATIVE_NATIVEKERNELS_H

namespace Edge_Device_Native
{
    namespace Edge_Device_Native
    {
        struct NativeKernels
        {
            static signed int AbiVersion(HRESULT &hr);
            static signed int Features(HRESULT &hr);
            static void FullyConnectedInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 weights, CLR_RT_TypedArray_INT32 ints,
                                           CLR_RT_TypedArray_INT8 arena, signed int input, signed int output, HRESULT &hr);
            static void Conv1DInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 weights, CLR_RT_TypedArray_INT32 ints,
                                   CLR_RT_TypedArray_INT8 arena, signed int input, signed int output, HRESULT &hr);
            static void MaxPool1DInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 arena, signed int input, signed int output, HRESULT &hr);
            static void AveragePool1DInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 arena, signed int input, signed int output, HRESULT &hr);
            static void ClampInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 arena, signed int input, signed int output, HRESULT &hr);
            static void AddInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 arena, signed int input1, signed int input2,
                                signed int output, HRESULT &hr);
            static void MulInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 arena, signed int input1, signed int input2,
                                signed int output, HRESULT &hr);
            static void LookupTableInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 weights, CLR_RT_TypedArray_INT8 arena,
                                        signed int input, signed int output, HRESULT &hr);
            static void SoftmaxInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT32 ints, CLR_RT_TypedArray_INT8 arena,
                                    signed int input, signed int output, HRESULT &hr);
            static void ReshapeInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 arena, signed int input, signed int output, HRESULT &hr);
            static void TreeEnsembleInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT32 ints, CLR_RT_TypedArray_INT32 arena32,
                                         CLR_RT_TypedArray_INT8 arena8, signed int input, signed int output, HRESULT &hr);
            static void Conv2DInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 weights, CLR_RT_TypedArray_INT32 ints, CLR_RT_TypedArray_INT8 arena, signed int input, signed int output, HRESULT &hr);
            static void MaxPool2DInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 arena, signed int input, signed int output, HRESULT &hr);
            static void AveragePool2DInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 arena, signed int input, signed int output, HRESULT &hr);
            static void PadInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 arena, signed int input, signed int output, HRESULT &hr);
            static void StridedCopyInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 arena, signed int input, signed int output, HRESULT &hr);
            static void ReduceInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 arena, signed int input, signed int output, HRESULT &hr);
            static void PReluInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 weights, CLR_RT_TypedArray_INT32 ints, CLR_RT_TypedArray_INT8 arena, signed int input, signed int output, HRESULT &hr);
            static void ArgMaxInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 arena, signed int input, signed int output, HRESULT &hr);
            static void MatMulInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 arena, signed int input1, signed int input2, signed int output, HRESULT &hr);
            static void GruInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 weights, CLR_RT_TypedArray_INT32 ints, CLR_RT_TypedArray_INT8 arena8, CLR_RT_TypedArray_INT32 arena32, signed int input, signed int output, HRESULT &hr);
            static void LstmInt8(CLR_RT_TypedArray_INT32 p, CLR_RT_TypedArray_INT8 weights, CLR_RT_TypedArray_INT32 ints, CLR_RT_TypedArray_INT8 arena8, CLR_RT_TypedArray_INT32 arena32, signed int input, signed int output, HRESULT &hr);
            static void InvokeInt8(CLR_RT_TypedArray_INT32 graph, CLR_RT_TypedArray_INT8 weights, CLR_RT_TypedArray_INT32 ints,
                                   CLR_RT_TypedArray_INT8 arena8, CLR_RT_TypedArray_INT32 arena32, HRESULT &hr);
            static void DriftLayoutCheck(CLR_RT_TypedArray_INT32 layout, signed int cells, signed int edges, HRESULT &hr);
            static void DriftObserve(CLR_RT_TypedArray_INT32 layout, CLR_RT_TypedArray_INT32 edges, CLR_RT_TypedArray_INT32 row,
                                     signed int offset, CLR_RT_TypedArray_UINT16 window, CLR_RT_TypedArray_INT64 windowTailLow,
                                     CLR_RT_TypedArray_INT64 windowTailHigh, bool anomalous, CLR_RT_TypedArray_UINT16 anomalousCounts,
                                     CLR_RT_TypedArray_INT64 anomalousTailLow, CLR_RT_TypedArray_INT64 anomalousTailHigh,
                                     CLR_RT_TypedArray_UINT16 decayed, HRESULT &hr);
            static void DriftDecay(CLR_RT_TypedArray_UINT16 decayed, signed int shift, HRESULT &hr);
        };
    }
}

#endif // EDGE_DEVICE_NATIVE_EDGE_DEVICE_NATIVE_EDGE_DEVICE_NATIVE_NATIVEKERNELS_H
