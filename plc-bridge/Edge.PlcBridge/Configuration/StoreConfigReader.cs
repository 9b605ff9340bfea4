using Edge.PlcBridge.Configuration.Yaml;
using Edge.Store;

namespace Edge.PlcBridge.Configuration;

/// <summary>Reads the `store:` section (plc-bridge/deploy/bridge.example.yaml), and applies `edge bridge run --store`.</summary>
public static class StoreConfigReader
{
    /// <summary>Null without a `store:` section: captures stay in the capture folder as CSV files.</summary>
    internal static StoreConfig? Read(YamlSection root, string baseDirectory, string captureFolder)
    {
        if (root.Find("store") is null) return null;
        var store = root.Section("store") ?? throw root.Error(root.Find("store")!, "store", "needs url: (s3://bucket/prefix or a folder)");
        store.AllowOnly("url", "spool");
        var urlNode = store.Find("url") ?? store.Node;
        StoreLocation location;
        try
        {
            location = StoreLocation.Parse(store.RequiredText("url").Trim());
        }
        catch (StoreException e)
        {
            throw store.Error(urlNode, store.KeyPath("url"), e.Message.Replace("--store ", "", StringComparison.Ordinal));
        }
        string spool = store.Text("spool")?.Trim() is { Length: > 0 } given
            ? Path.GetFullPath(Path.Combine(baseDirectory, given))
            : Path.Combine(captureFolder, StoreConfig.DefaultSpoolFolder);
        if (File.Exists(spool)) throw store.Error(store.Find("spool") ?? store.Node, store.KeyPath("spool"), $"{spool} is a file; the spool needs a folder");
        return new StoreConfig(location, spool);
    }

    /// <summary>The configuration with captures sent to <paramref name="location"/> (`--store` wins over `store.url`).</summary>
    public static BridgeConfig WithStore(BridgeConfig config, StoreLocation location)
    {
        string spool = config.Store?.SpoolFolder ?? Path.Combine(config.Boards.Count > 0 ? config.Boards[0].CaptureFolder : Path.GetFullPath(BridgeConfig.DefaultCaptureFolder), StoreConfig.DefaultSpoolFolder);
        return WithSpool(config with { Store = new StoreConfig(location, spool) });
    }

    /// <summary>Every board spools its captures when a store is configured.</summary>
    public static BridgeConfig WithSpool(BridgeConfig config) =>
        config.Store is { } store ? config with { Boards = config.Boards.Select(b => b with { CaptureSpool = store.SpoolFolder }).ToArray() } : config;
}
