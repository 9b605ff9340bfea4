using System;

namespace Edge.Device.Runtime
{
    /// <summary>
    /// Marks per-sample code that may use floating point (a boundary such as converting a
    /// float input to fixed point) but must not allocate. Checked by the IL scan like
    /// <see cref="HotPathAttribute"/>, without the integer-only rule.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor)]
    public sealed class NoAllocAttribute : Attribute
    {
    }
}
