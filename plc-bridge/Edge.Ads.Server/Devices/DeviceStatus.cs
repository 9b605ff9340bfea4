using Edge.Ads.Protocol;
using Edge.Ads.Server.Symbols;

namespace Edge.Ads.Server.Devices;

/// <summary>
/// The ADS state and device state the device reports (ReadState, group 0xF100). Starts in Run;
/// changes are pushed to subscribers of 0xF100, as ads-client's runtime-state watch expects.
/// </summary>
internal sealed class DeviceStatus
{
    private int _packed = (int)AdsState.Run; // ADS state in the low 16 bits, device state above

    public event Action<AdsRange>? Changed;

    public AdsState AdsState => (AdsState)(ushort)Volatile.Read(ref _packed);

    public ushort DeviceState => (ushort)(Volatile.Read(ref _packed) >> 16);

    /// <summary>The 4 bytes of group 0xF100: <c>u16 adsState, u16 deviceState</c>.</summary>
    public uint Packed => (uint)Volatile.Read(ref _packed);

    /// <summary>True when the state changed.</summary>
    public bool Set(AdsState adsState, ushort deviceState)
    {
        int packed = (ushort)adsState | deviceState << 16;
        if (Interlocked.Exchange(ref _packed, packed) == packed)
            return false;
        Changed?.Invoke(new AdsRange(AdsIndexGroup.DeviceData, 0, 4));
        return true;
    }
}
