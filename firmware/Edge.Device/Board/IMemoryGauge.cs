namespace Edge.Device.Board
{
    /// <summary>Free managed memory, for telemetry (nanoFramework: nanoFramework.Runtime.Native.GC.Run(false)).</summary>
    public interface IMemoryGauge
    {
        int FreeBytes();
    }
}
