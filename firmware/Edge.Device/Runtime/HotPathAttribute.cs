using System;

namespace Edge.Device.Runtime
{
    /// <summary>
    /// Marks code that runs per sample or per inference. The IL scan in the test suite holds it
    /// to the board's rules: no allocation (newobj, newarr, box), no floating point, and calls
    /// only to other [HotPath] methods or to the few runtime helpers that do not allocate.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor)]
    public sealed class HotPathAttribute : Attribute
    {
    }
}
