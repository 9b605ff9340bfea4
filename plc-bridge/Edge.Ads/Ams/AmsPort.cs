namespace Edge.Ads.Ams;

/// <summary>Well-known AMS ports (Beckhoff AdsDef.h, ads-client ADS_RESERVED_PORTS).</summary>
public static class AmsPort
{
    /// <summary>The AMS router itself.</summary>
    public const ushort Router = 1;

    /// <summary>TwinCAT 3 PLC runtime 1; set this as the bridge port to look like a PLC.</summary>
    public const ushort PlcRuntime1 = 851;

    /// <summary>The TwinCAT system service; clients poll its ReadState to see the target is up.</summary>
    public const ushort SystemService = 10000;

    /// <summary>First port of the range Beckhoff reserves for customer ADS servers.</summary>
    public const ushort CustomerFirst = 25000;

    /// <summary>Last port of the customer range.</summary>
    public const ushort CustomerLast = 25999;

    /// <summary>TCP port of plain (unencrypted) AMS/TCP.</summary>
    public const int TcpPort = 48898;
}
