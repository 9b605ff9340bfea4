//
// Marshalling of Edge.Device.Native.NativeKernels' InternalCall methods, in the
// MetadataProcessor's pattern: each handler reads its arguments from the managed stack frame
// (Interop_Marshal_*; argument 0 is the first parameter of a static method), calls the function
// of the same name in Edge_Device_Native_Edge_Device_Native_NativeKernels.cpp and leaves with
// its HRESULT, which nanoCLR turns into the managed exception. A null array fails in the
// marshalling with NullReferenceException, as it would in the managed kernel.
//

#include "Edge_Device_Native.h"
#include "Edge_Device_Native_Edge_Device_Native_NativeKernels.h"

using namespace Edge_Device_Native::Edge_Device_Native;

HRESULT Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::AbiVersion___STATIC__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        signed int result = NativeKernels::AbiVersion(hr);
        NANOCLR_CHECK_HRESULT(hr);
        SetResult_INT32(stack, result);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::Features___STATIC__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        signed int result = NativeKernels::Features(hr);
        NANOCLR_CHECK_HRESULT(hr);
        SetResult_INT32(stack, result);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::
    FullyConnectedInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__SZARRAY_I4__SZARRAY_I1__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        CLR_RT_TypedArray_INT32 p;
        CLR_RT_TypedArray_INT8 weights;
        CLR_RT_TypedArray_INT32 ints;
        CLR_RT_TypedArray_INT8 arena;
        signed int input;
        signed int output;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 0, p));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT8_ARRAY(stack, 1, weights));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 2, ints));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT8_ARRAY(stack, 3, arena));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 4, input));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 5, output));
        NativeKernels::FullyConnectedInt8(p, weights, ints, arena, input, output, hr);
        NANOCLR_CHECK_HRESULT(hr);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::
    Conv1DInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__SZARRAY_I4__SZARRAY_I1__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        CLR_RT_TypedArray_INT32 p;
        CLR_RT_TypedArray_INT8 weights;
        CLR_RT_TypedArray_INT32 ints;
        CLR_RT_TypedArray_INT8 arena;
        signed int input;
        signed int output;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 0, p));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT8_ARRAY(stack, 1, weights));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 2, ints));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT8_ARRAY(stack, 3, arena));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 4, input));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 5, output));
        NativeKernels::Conv1DInt8(p, weights, ints, arena, input, output, hr);
        NANOCLR_CHECK_HRESULT(hr);
    }
    NANOCLR_NOCLEANUP();
}

// Pooling, clamp and reshape share one shape of arguments: parameters, arena, input, output.
#define EDGE_ARENA_OP(handler, function)                                                                               \
    HRESULT Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::handler(CLR_RT_StackFrame &stack)              \
    {                                                                                                                  \
        NANOCLR_HEADER();                                                                                              \
        hr = S_OK;                                                                                                     \
        {                                                                                                              \
            CLR_RT_TypedArray_INT32 p;                                                                                 \
            CLR_RT_TypedArray_INT8 arena;                                                                              \
            signed int input;                                                                                          \
            signed int output;                                                                                         \
            NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 0, p));                                           \
            NANOCLR_CHECK_HRESULT(Interop_Marshal_INT8_ARRAY(stack, 1, arena));                                        \
            NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 2, input));                                             \
            NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 3, output));                                            \
            NativeKernels::function(p, arena, input, output, hr);                                                      \
            NANOCLR_CHECK_HRESULT(hr);                                                                                 \
        }                                                                                                              \
        NANOCLR_NOCLEANUP();                                                                                           \
    }

EDGE_ARENA_OP(MaxPool1DInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__I4__I4, MaxPool1DInt8)
EDGE_ARENA_OP(AveragePool1DInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__I4__I4, AveragePool1DInt8)
EDGE_ARENA_OP(ClampInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__I4__I4, ClampInt8)
EDGE_ARENA_OP(ReshapeInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__I4__I4, ReshapeInt8)

// Add and Mul: parameters, arena, two inputs, output.
#define EDGE_BINARY_OP(handler, function)                                                                              \
    HRESULT Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::handler(CLR_RT_StackFrame &stack)              \
    {                                                                                                                  \
        NANOCLR_HEADER();                                                                                              \
        hr = S_OK;                                                                                                     \
        {                                                                                                              \
            CLR_RT_TypedArray_INT32 p;                                                                                 \
            CLR_RT_TypedArray_INT8 arena;                                                                              \
            signed int input1;                                                                                         \
            signed int input2;                                                                                         \
            signed int output;                                                                                         \
            NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 0, p));                                           \
            NANOCLR_CHECK_HRESULT(Interop_Marshal_INT8_ARRAY(stack, 1, arena));                                        \
            NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 2, input1));                                            \
            NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 3, input2));                                            \
            NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 4, output));                                            \
            NativeKernels::function(p, arena, input1, input2, output, hr);                                             \
            NANOCLR_CHECK_HRESULT(hr);                                                                                 \
        }                                                                                                              \
        NANOCLR_NOCLEANUP();                                                                                           \
    }

EDGE_BINARY_OP(AddInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__I4__I4__I4, AddInt8)
EDGE_BINARY_OP(MulInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__I4__I4__I4, MulInt8)

HRESULT Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::
    LookupTableInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__SZARRAY_I1__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        CLR_RT_TypedArray_INT32 p;
        CLR_RT_TypedArray_INT8 weights;
        CLR_RT_TypedArray_INT8 arena;
        signed int input;
        signed int output;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 0, p));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT8_ARRAY(stack, 1, weights));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT8_ARRAY(stack, 2, arena));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 3, input));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 4, output));
        NativeKernels::LookupTableInt8(p, weights, arena, input, output, hr);
        NANOCLR_CHECK_HRESULT(hr);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::
    SoftmaxInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I4__SZARRAY_I1__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        CLR_RT_TypedArray_INT32 p;
        CLR_RT_TypedArray_INT32 ints;
        CLR_RT_TypedArray_INT8 arena;
        signed int input;
        signed int output;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 0, p));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 1, ints));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT8_ARRAY(stack, 2, arena));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 3, input));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 4, output));
        NativeKernels::SoftmaxInt8(p, ints, arena, input, output, hr);
        NANOCLR_CHECK_HRESULT(hr);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::
    TreeEnsembleInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I4__SZARRAY_I4__SZARRAY_I1__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        CLR_RT_TypedArray_INT32 p;
        CLR_RT_TypedArray_INT32 ints;
        CLR_RT_TypedArray_INT32 arena32;
        CLR_RT_TypedArray_INT8 arena8;
        signed int input;
        signed int output;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 0, p));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 1, ints));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 2, arena32));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT8_ARRAY(stack, 3, arena8));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 4, input));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 5, output));
        NativeKernels::TreeEnsembleInt8(p, ints, arena32, arena8, input, output, hr);
        NANOCLR_CHECK_HRESULT(hr);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::
    Conv2DInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__SZARRAY_I4__SZARRAY_I1__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        CLR_RT_TypedArray_INT32 p;
        CLR_RT_TypedArray_INT8 weights;
        CLR_RT_TypedArray_INT32 ints;
        CLR_RT_TypedArray_INT8 arena;
        signed int input;
        signed int output;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 0, p));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT8_ARRAY(stack, 1, weights));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 2, ints));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT8_ARRAY(stack, 3, arena));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 4, input));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 5, output));
        NativeKernels::Conv2DInt8(p, weights, ints, arena, input, output, hr);
        NANOCLR_CHECK_HRESULT(hr);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::
    MaxPool2DInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        CLR_RT_TypedArray_INT32 p;
        CLR_RT_TypedArray_INT8 arena;
        signed int input;
        signed int output;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 0, p));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT8_ARRAY(stack, 1, arena));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 2, input));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 3, output));
        NativeKernels::MaxPool2DInt8(p, arena, input, output, hr);
        NANOCLR_CHECK_HRESULT(hr);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::
    AveragePool2DInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        CLR_RT_TypedArray_INT32 p;
        CLR_RT_TypedArray_INT8 arena;
        signed int input;
        signed int output;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 0, p));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT8_ARRAY(stack, 1, arena));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 2, input));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 3, output));
        NativeKernels::AveragePool2DInt8(p, arena, input, output, hr);
        NANOCLR_CHECK_HRESULT(hr);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::
    PadInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        CLR_RT_TypedArray_INT32 p;
        CLR_RT_TypedArray_INT8 arena;
        signed int input;
        signed int output;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 0, p));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT8_ARRAY(stack, 1, arena));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 2, input));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 3, output));
        NativeKernels::PadInt8(p, arena, input, output, hr);
        NANOCLR_CHECK_HRESULT(hr);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::
    StridedCopyInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        CLR_RT_TypedArray_INT32 p;
        CLR_RT_TypedArray_INT8 arena;
        signed int input;
        signed int output;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 0, p));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT8_ARRAY(stack, 1, arena));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 2, input));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 3, output));
        NativeKernels::StridedCopyInt8(p, arena, input, output, hr);
        NANOCLR_CHECK_HRESULT(hr);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::
    ReduceInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        CLR_RT_TypedArray_INT32 p;
        CLR_RT_TypedArray_INT8 arena;
        signed int input;
        signed int output;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 0, p));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT8_ARRAY(stack, 1, arena));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 2, input));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 3, output));
        NativeKernels::ReduceInt8(p, arena, input, output, hr);
        NANOCLR_CHECK_HRESULT(hr);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::
    PReluInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__SZARRAY_I4__SZARRAY_I1__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        CLR_RT_TypedArray_INT32 p;
        CLR_RT_TypedArray_INT8 weights;
        CLR_RT_TypedArray_INT32 ints;
        CLR_RT_TypedArray_INT8 arena;
        signed int input;
        signed int output;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 0, p));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT8_ARRAY(stack, 1, weights));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 2, ints));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT8_ARRAY(stack, 3, arena));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 4, input));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 5, output));
        NativeKernels::PReluInt8(p, weights, ints, arena, input, output, hr);
        NANOCLR_CHECK_HRESULT(hr);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::
    ArgMaxInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        CLR_RT_TypedArray_INT32 p;
        CLR_RT_TypedArray_INT8 arena;
        signed int input;
        signed int output;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 0, p));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT8_ARRAY(stack, 1, arena));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 2, input));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 3, output));
        NativeKernels::ArgMaxInt8(p, arena, input, output, hr);
        NANOCLR_CHECK_HRESULT(hr);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::
    MatMulInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__I4__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        CLR_RT_TypedArray_INT32 p;
        CLR_RT_TypedArray_INT8 arena;
        signed int input1;
        signed int input2;
        signed int output;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 0, p));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT8_ARRAY(stack, 1, arena));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 2, input1));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 3, input2));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 4, output));
        NativeKernels::MatMulInt8(p, arena, input1, input2, output, hr);
        NANOCLR_CHECK_HRESULT(hr);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::
    GruInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__SZARRAY_I4__SZARRAY_I1__SZARRAY_I4__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        CLR_RT_TypedArray_INT32 p;
        CLR_RT_TypedArray_INT8 weights;
        CLR_RT_TypedArray_INT32 ints;
        CLR_RT_TypedArray_INT8 arena8;
        CLR_RT_TypedArray_INT32 arena32;
        signed int input;
        signed int output;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 0, p));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT8_ARRAY(stack, 1, weights));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 2, ints));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT8_ARRAY(stack, 3, arena8));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 4, arena32));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 5, input));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 6, output));
        NativeKernels::GruInt8(p, weights, ints, arena8, arena32, input, output, hr);
        NANOCLR_CHECK_HRESULT(hr);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::
    LstmInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__SZARRAY_I4__SZARRAY_I1__SZARRAY_I4__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        CLR_RT_TypedArray_INT32 p;
        CLR_RT_TypedArray_INT8 weights;
        CLR_RT_TypedArray_INT32 ints;
        CLR_RT_TypedArray_INT8 arena8;
        CLR_RT_TypedArray_INT32 arena32;
        signed int input;
        signed int output;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 0, p));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT8_ARRAY(stack, 1, weights));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 2, ints));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT8_ARRAY(stack, 3, arena8));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 4, arena32));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 5, input));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 6, output));
        NativeKernels::LstmInt8(p, weights, ints, arena8, arena32, input, output, hr);
        NANOCLR_CHECK_HRESULT(hr);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::
    InvokeInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__SZARRAY_I4__SZARRAY_I1__SZARRAY_I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        CLR_RT_TypedArray_INT32 graph;
        CLR_RT_TypedArray_INT8 weights;
        CLR_RT_TypedArray_INT32 ints;
        CLR_RT_TypedArray_INT8 arena8;
        CLR_RT_TypedArray_INT32 arena32;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 0, graph));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT8_ARRAY(stack, 1, weights));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 2, ints));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT8_ARRAY(stack, 3, arena8));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 4, arena32));
        NativeKernels::InvokeInt8(graph, weights, ints, arena8, arena32, hr);
        NANOCLR_CHECK_HRESULT(hr);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::DriftLayoutCheck___STATIC__VOID__SZARRAY_I4__I4__I4(
    CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        CLR_RT_TypedArray_INT32 layout;
        signed int cells;
        signed int edges;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 0, layout));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 1, cells));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 2, edges));
        NativeKernels::DriftLayoutCheck(layout, cells, edges, hr);
        NANOCLR_CHECK_HRESULT(hr);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::
    DriftObserve___STATIC__VOID__SZARRAY_I4__SZARRAY_I4__SZARRAY_I4__I4__SZARRAY_U2__SZARRAY_I8__SZARRAY_I8__BOOLEAN__SZARRAY_U2__SZARRAY_I8__SZARRAY_I8__SZARRAY_U2(
        CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        CLR_RT_TypedArray_INT32 layout;
        CLR_RT_TypedArray_INT32 edges;
        CLR_RT_TypedArray_INT32 row;
        signed int offset;
        CLR_RT_TypedArray_UINT16 window;
        CLR_RT_TypedArray_INT64 windowTailLow;
        CLR_RT_TypedArray_INT64 windowTailHigh;
        bool anomalous;
        CLR_RT_TypedArray_UINT16 anomalousCounts;
        CLR_RT_TypedArray_INT64 anomalousTailLow;
        CLR_RT_TypedArray_INT64 anomalousTailHigh;
        CLR_RT_TypedArray_UINT16 decayed;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 0, layout));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 1, edges));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32_ARRAY(stack, 2, row));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 3, offset));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT16_ARRAY(stack, 4, window));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT64_ARRAY(stack, 5, windowTailLow));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT64_ARRAY(stack, 6, windowTailHigh));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_bool(stack, 7, anomalous));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT16_ARRAY(stack, 8, anomalousCounts));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT64_ARRAY(stack, 9, anomalousTailLow));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT64_ARRAY(stack, 10, anomalousTailHigh));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT16_ARRAY(stack, 11, decayed));
        NativeKernels::DriftObserve(layout, edges, row, offset, window, windowTailLow, windowTailHigh, anomalous,
                                    anomalousCounts, anomalousTailLow, anomalousTailHigh, decayed, hr);
        NANOCLR_CHECK_HRESULT(hr);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::DriftDecay___STATIC__VOID__SZARRAY_U2__I4(
    CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        CLR_RT_TypedArray_UINT16 decayed;
        signed int shift;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT16_ARRAY(stack, 0, decayed));
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 1, shift));
        NativeKernels::DriftDecay(decayed, shift, hr);
        NANOCLR_CHECK_HRESULT(hr);
    }
    NANOCLR_NOCLEANUP();
}
