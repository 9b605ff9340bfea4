namespace Edge.Ads.Protocol;

/// <summary>When a device notification is sent (AdsDef.h ADSTRANSMODE).</summary>
public enum AdsTransMode : uint
{
    None = 0,
    ClientCycle = 1,
    ClientOnChange = 2,
    /// <summary>The server samples every cycle time and always sends.</summary>
    Cyclic = 3,
    /// <summary>The server samples at most every cycle time and sends when the bytes changed.</summary>
    OnChange = 4,
    CyclicInContext = 5,
    OnChangeInContext = 6,
}
