namespace Edge.Conformance
{
    /// <summary>
    /// A tiny built-in case (one link frame) so the app compiles on its own
    /// (firmware/build/Edge.Conformance.Nano); the host test replaces this file with generated
    /// data (tests/Edge.Device.Tests/Conformance).
    /// </summary>
    public static class ConformanceData
    {
        public static byte[] Blob()
        {
            return new byte[] { ConformanceRunner.LinkCase, 0, 3, 0, 1, 0, 2 };
        }
    }
}
