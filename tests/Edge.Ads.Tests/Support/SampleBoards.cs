using Edge.Ads.Protocol;
using Edge.Ads.Server.Symbols;
using Edge.Ads.Types;

namespace Edge.Ads.Tests.Support;

/// <summary>
/// The symbols the server tests publish: two boards of a nested STRUCT in group 0x4040, a
/// top-level ARRAY under a dotted name, and one writable member (the alarm acknowledge).
/// </summary>
internal static class SampleBoards
{
    public const uint DataGroup = AdsIndexGroup.PlcData;

    public static PlcStructType MetricsType { get; } = new PlcStructBuilder("ST_BoardMetrics", "metrics of one board")
        .Add("AnomalyRate", PlcTypes.Real, "anomalies per 1000 inferences")
        .Add("Alarm", PlcTypes.Bool, "drift alarm, latched")
        .Add("AlarmAck", PlcTypes.Bool, "write TRUE to acknowledge")
        .Add("Inferences", PlcTypes.UDInt)
        .Add("FeatureDrift", PlcTypes.Array(PlcTypes.Real, 0, 7), "PSI per feature")
        .Add("DriftScore", PlcTypes.LReal)
        .Add("Model", PlcTypes.String(15))
        .Add("Temperature", PlcTypes.Int)
        .Build();

    public static PlcStructType BoardType { get; } = new PlcStructBuilder("ST_Board")
        .Add("Id", PlcTypes.DInt)
        .Add("Online", PlcTypes.Bool)
        .Add("Metrics", MetricsType)
        .Build();

    public static PlcArrayType TemperaturesType { get; } = PlcTypes.Array(PlcTypes.Int, 1, 4);

    /// <summary>Board1 at offset 0, Board2 right after it, GVL.Temperatures after both.</summary>
    public static AdsSymbolTable CreateTable()
    {
        var table = new AdsSymbolTable();
        table.Publish("Board1", BoardType, DataGroup, 0, "first board");
        table.Publish("Board2", BoardType, DataGroup, (uint)BoardType.Size);
        table.Publish("GVL.Temperatures", TemperaturesType, DataGroup, (uint)(2 * BoardType.Size));
        table.EnableWrites("Board1.Metrics.AlarmAck");
        table.EnableWrites("Board2.Metrics.AlarmAck");
        return table;
    }

    /// <summary>Fills a board's value from a seeded generator, as a simulated board would report it.</summary>
    public static BoardValues Fill(AdsSymbol board, int seed)
    {
        var values = BoardValues.Random(seed);
        board.Update(v => values.WriteTo(v, board.Type));
        return values;
    }
}
