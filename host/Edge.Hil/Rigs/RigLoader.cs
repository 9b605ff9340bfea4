using System.Globalization;
using System.Text.RegularExpressions;
using Edge.Board.Simulation;
using Edge.Common.Files;
using Edge.Common.Text;
using Edge.Hil.Plan;
using Edge.Power.Backends;
using Edge.Power.Samples;
using Edge.Power.Simulation;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Edge.Hil.Rigs;

/// <summary>
/// Reads a rig file (hil-rigs/README.md describes the format) and checks it completely before
/// any board is touched: syntax and unknown keys with their line, then each board's kind,
/// profile, monitor, trigger, supply, budgets and firmware, naming the board and key. A board
/// whose current (its cost model, for a known target) exceeds what its monitor measures is
/// refused here, not at the first overcurrent. <see cref="MissingFiles"/> lists firmware images
/// that do not exist (checked by `edge hil rigs`, and by `edge hil run` for the revisions it flashes).
/// </summary>
public static partial class RigLoader
{
    private const long MaxRigBytes = 1024 * 1024;

    public static Rig Load(string path)
    {
        string text;
        try
        {
            text = InputFile.ReadAllText(path, MaxRigBytes, "a rig file");
        }
        catch (InputFileException e)
        {
            throw new RigException(path, e.Problem, e);
        }
        return Parse(text, path);
    }

    public static Rig Parse(string yaml, string path)
    {
        // A key given twice is a mistake to report, not one value silently winning over the other.
        var deserializer = new DeserializerBuilder().WithNamingConvention(HyphenatedNamingConvention.Instance).WithDuplicateKeyChecking().Build();
        RigDocument? document;
        try
        {
            document = deserializer.Deserialize<RigDocument?>(yaml);
        }
        catch (YamlException e)
        {
            throw new RigException(path, $"line {e.Start.Line}, column {e.Start.Column}: {Explain(e)}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner throws these on some malformed text (an unclosed '[' in a block mapping).
            throw new RigException(path, $"not valid YAML ({e.Message}); check brackets, quotes and indentation", e);
        }
        if (document is null) throw new RigException(path, "empty; a rig needs `rig:` (its name) and `boards:`");
        string directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        string name = Required(document.Rig, path, "`rig:` (the rig's name) is missing");
        var measurement = Measurement(document.Measurement ?? new MeasurementDocument(), path);
        if (document.Boards is not { Count: > 0 }) throw new RigException(path, "no `boards:`; list at least one board");
        var boards = new List<RigBoard>();
        for (int i = 0; i < document.Boards.Count; i++)
        {
            var board = Board(document.Boards[i] ?? throw new RigException(path, $"boards[{i}] is empty; a board needs name, kind and more"), i, path, directory);
            if (boards.Any(b => b.Name == board.Name)) throw new RigException(path, $"two boards are named '{board.Name}'; board names must be unique");
            if (board.StreamingProblem(measurement.Rate) is { } problem) throw new RigException(path, problem);
            boards.Add(board);
        }
        CheckSharedMonitors(boards, path);
        return new Rig(name, document.Description?.Trim() ?? "", path, measurement, boards);
    }

    private static MeasurementPlan Measurement(MeasurementDocument m, string path)
    {
        var plan = new MeasurementPlan();
        plan = plan with
        {
            Warmup = m.Warmup ?? plan.Warmup,
            Inferences = m.Inferences ?? plan.Inferences,
            Rate = m.SampleRate is null ? plan.Rate : SamplingRate.TryParse(m.SampleRate, out var rate) ? rate
                : throw new RigException(path, $"measurement.sample-rate '{m.SampleRate}' is not a rate the monitor takes: 100k, 50k, 20k, 10k, 5k, 2k, 1k, 500, ..."),
            Settle = ReadDuration(m.Settle, plan.Settle, path, "measurement.settle"),
            Tail = ReadDuration(m.Tail, plan.Tail, path, "measurement.tail"),
            AccuracyRows = m.AccuracyRows ?? plan.AccuracyRows,
            DecisionThreshold = m.DecisionThreshold ?? plan.DecisionThreshold,
            CellTimeout = ReadDuration(m.CellTimeout, plan.CellTimeout, path, "measurement.cell-timeout"),
            Retries = m.Retries ?? plan.Retries,
            PowerOffTime = ReadDuration(m.PowerOff, plan.PowerOffTime, path, "measurement.power-off"),
            BootTime = ReadDuration(m.BootTime, plan.BootTime, path, "measurement.boot-time"),
        };
        if (plan.Problem() is { } problem) throw new RigException(path, "measurement: " + problem);
        return plan;
    }

    private static RigBoard Board(BoardDocument b, int index, string path, string directory)
    {
        string at = $"boards[{index}]";
        string name = Required(b.Name, path, $"{at} has no `name:`");
        if (!BoardName().IsMatch(name)) throw new RigException(path, $"{at}: name '{name}' may hold only letters, digits, '.', '_' and '-' (it names result files)");
        at = $"board '{name}'";
        BoardKind kind = b.Kind?.Trim().ToLowerInvariant() switch
        {
            "simulated" => BoardKind.Simulated,
            "nucleo" => BoardKind.Nucleo,
            null => throw new RigException(path, $"{at}: `kind:` is missing; write simulated or nucleo"),
            _ => throw new RigException(path, $"{at}: kind '{b.Kind}' is unknown; write simulated or nucleo"),
        };
        var monitor = Monitor(b.Monitor, kind, path, at);
        var backend = PowerMonitorBackend.For(monitor.Kind == MonitorKind.Lpm01a ? PowerMonitorModel.Lpm01a : PowerMonitorModel.StlinkV3Pwr);
        double volts = b.SupplyVolts ?? 3.3;
        if (volts < backend.MinSupplyVolts || volts > backend.MaxSupplyVolts)
            throw new RigException(path, string.Create(CultureInfo.InvariantCulture,
                $"{at}: supply-volts {volts} is outside what the {backend.Name} supplies ({backend.MinSupplyVolts} .. {backend.MaxSupplyVolts} V)"));
        var trigger = Trigger(b.Trigger, kind, path, at);
        var firmware = Firmware(b.Firmware, kind, path, at, directory);
        var budgets = Budgets(b.Budgets, path, at);
        if (b.Baud is <= 0) throw new RigException(path, $"{at}: baud must be positive");
        if (kind == BoardKind.Simulated)
        {
            string profileName = Required(b.Profile, path, $"{at}: a simulated board needs `profile:` ({string.Join(", ", BoardProfile.Known.Select(p => p.Name))})");
            var profile = BoardProfile.Known.FirstOrDefault(p => string.Equals(p.Name, profileName, StringComparison.OrdinalIgnoreCase))
                ?? throw new RigException(path, $"{at}: profile '{profileName}' is unknown; known: {string.Join(", ", BoardProfile.Known.Select(p => p.Name))}");
            if (b.Link is not null || b.DeployPort is not null) throw new RigException(path, $"{at}: a simulated board has no link or deploy-port (the harness starts it on loopback)");
            CheckCurrent(profile, backend, trigger, path, at);
            // What the simulated firmware itself enforces, unless the rig states tighter budgets.
            budgets = budgets with { Staging = budgets.Staging ?? profile.StagingCapacity, Arena = budgets.Arena ?? profile.ArenaBudget };
            return new RigBoard(name, kind, b.Target ?? profile.Target, profile, null, b.Baud ?? 115200, null, volts, monitor, trigger, budgets, firmware,
                Simulation(b.Simulation, path, at));
        }
        if (b.Profile is not null) throw new RigException(path, $"{at}: `profile:` (a cost model) is for simulated boards; a Nucleo board is measured");
        if (budgets.Heap is not null && Edge.Targets.Boards.BoardTarget.TryFind(b.Target) is null)
            throw new RigException(path, $"{at}: budgets.heap needs a target Edge has a memory model for ({string.Join(", ", Edge.Targets.Boards.BoardTarget.Known.Select(t => t.NanoTarget))})");
        if (b.Simulation is not null) throw new RigException(path, $"{at}: `simulation:` faults are for simulated boards");
        string target = Required(b.Target, path, $"{at}: a Nucleo board needs `target:`, the nanoFramework target name (e.g. ST_NUCLEO144_F746ZG)");
        string link = Required(b.Link, path, $"{at}: a Nucleo board needs `link:`, the serial device of the board app's UART (e.g. /dev/ttyUSB0)");
        CheckCurrent(BoardProfile.Known.FirstOrDefault(p => string.Equals(p.Target, target, StringComparison.OrdinalIgnoreCase)), backend, trigger, path, at);
        if (firmware.Count > 0 && b.DeployPort is null)
            throw new RigException(path, $"{at}: firmware images need `deploy-port:`, the serial device nanoff flashes through (the ST-LINK virtual COM port)");
        return new RigBoard(name, kind, target, null, link, b.Baud ?? 115200, b.DeployPort, volts, monitor, trigger, budgets, firmware, RigSimulation.None);
    }

    /// <summary>
    /// The board must stay inside the monitor's range: the LPM01A streams only in dynamic mode and
    /// trips near 59 mA, while an F746ZG draws 60-110 mA. For a Nucleo board the current is the
    /// cost model of its target where one is known (unknown targets are not checked).
    /// </summary>
    private static void CheckCurrent(BoardProfile? model, PowerMonitorBackend backend, RigTrigger trigger, string path, string at)
    {
        double maxMilliamps = backend.MaxCurrentAmps * 1000;
        if (model is not null && model.ActiveMilliamps > maxMilliamps)
            throw new RigException(path, string.Create(CultureInfo.InvariantCulture,
                $"{at}: a {model.Name} draws {model.IdleMilliamps:0.#}-{model.ActiveMilliamps:0.#} mA (cost model, host/Edge.Board/Simulation/BoardProfile.cs), more than the {backend.Name} measures ") +
                $"({backend.CurrentRangeNote}): every acquisition would end in an overcurrent; put it behind an STLINK-V3PWR (up to 500 mA)");
        if (trigger.ThresholdMilliamps > maxMilliamps)
            throw new RigException(path, string.Create(CultureInfo.InvariantCulture,
                $"{at}: trigger.threshold-ma {trigger.ThresholdMilliamps} is above what the {backend.Name} measures ({backend.CurrentRangeNote})"));
    }

    /// <summary>Firmware images of the rig that do not exist, for <paramref name="versions"/> (null: every revision), each as "board 'x': firmware 'v': app PATH does not exist".</summary>
    public static IReadOnlyList<string> MissingFiles(Rig rig, IReadOnlyCollection<string>? versions = null) =>
        rig.Boards.SelectMany(board => board.Firmware.Values
                .Where(image => versions is null || versions.Contains(image.Version))
                .SelectMany(image => new[] { ("clr", image.Clr), ("app", (string?)image.App) }
                    .Where(f => f.Item2 is not null && !File.Exists(f.Item2))
                    .Select(f => $"board '{board.Name}': firmware '{image.Version}': {f.Item1} {f.Item2} does not exist")))
            .ToList();

    private static RigMonitor Monitor(MonitorDocument? m, BoardKind kind, string path, string at)
    {
        var format = m?.Format?.Trim().ToLowerInvariant() switch
        {
            null or "binary" or "bin" or "bin_hexa" => SampleFormat.Binary,
            "ascii" or "ascii_dec" => SampleFormat.Ascii,
            _ => throw new RigException(path, $"{at}: monitor.format '{m!.Format}' is unknown; write binary or ascii"),
        };
        if (kind == BoardKind.Simulated)
        {
            if (m?.Kind is not (null or "simulated")) throw new RigException(path, $"{at}: a simulated board is measured by a simulated monitor (monitor.kind: simulated)");
            if (m?.Port is not null) throw new RigException(path, $"{at}: a simulated monitor has no port; the harness starts it on loopback");
            return new RigMonitor(MonitorKind.Simulated, null, format, MonitorName(m?.Name, path, at));
        }
        var monitorKind = m?.Kind?.Trim().ToLowerInvariant() switch
        {
            "stlink-v3pwr" or "v3pwr" => MonitorKind.StlinkV3Pwr,
            "lpm01a" => MonitorKind.Lpm01a,
            null => throw new RigException(path, $"{at}: `monitor.kind:` is missing; write stlink-v3pwr or lpm01a"),
            _ => throw new RigException(path, $"{at}: monitor.kind '{m!.Kind}' is unknown for a Nucleo board; write stlink-v3pwr or lpm01a"),
        };
        string port = Required(m?.Port, path, $"{at}: `monitor.port:` is missing: the monitor's serial device (the V3PWR's second VCP) or tcp://HOST:PORT");
        return new RigMonitor(monitorKind, port, format, MonitorName(m?.Name, path, at));
    }

    private static string? MonitorName(string? name, string path, string at) =>
        name is null ? null
        : BoardName().IsMatch(name.Trim()) ? name.Trim()
        : throw new RigException(path, $"{at}: monitor.name '{name}' may hold only letters, digits, '.', '_' and '-'");

    /// <summary>
    /// Boards that share a monitor (the same `monitor.name`, or the same port) must describe the
    /// same monitor: one kind, one port, one stream format.
    /// </summary>
    private static void CheckSharedMonitors(IReadOnlyList<RigBoard> boards, string path)
    {
        for (int i = 0; i < boards.Count; i++)
            for (int j = 0; j < i; j++)
            {
                RigBoard a = boards[j], b = boards[i];
                if (!MonitorSharing.SameMonitor(a, b)) continue;
                if (a.Monitor.Kind != b.Monitor.Kind || Port(a) != Port(b) || a.Monitor.Format != b.Monitor.Format || (a.Monitor.Name is { } x && b.Monitor.Name is { } y && x != y))
                    throw new RigException(path, $"boards '{a.Name}' and '{b.Name}' share a monitor ({MonitorSharing.Describe(a)}) but describe it differently " +
                        "(kind, port, format and name must agree); give boards with monitors of their own different names and ports");
            }
        static string? Port(RigBoard board) => board.Monitor.Port is { } port ? MonitorSharing.CanonicalPort(port) : null;
    }

    private static RigTrigger Trigger(TriggerDocument? t, BoardKind kind, string path, string at)
    {
        var source = t?.Source?.Trim().ToLowerInvariant() switch
        {
            null or "sw" or "software" => TriggerSource.Software,
            "hw" or "hardware" => TriggerSource.Hardware,
            _ => throw new RigException(path, $"{at}: trigger.source '{t!.Source}' is unknown; write sw or hw"),
        };
        if (t?.ThresholdMa is <= 0) throw new RigException(path, $"{at}: trigger.threshold-ma must be positive");
        if (kind == BoardKind.Simulated)
        {
            if (source == TriggerSource.Hardware) throw new RigException(path, $"{at}: simulated boards use the software trigger (their edges are known exactly)");
            return new RigTrigger(source, t?.ThresholdMa);
        }
        if (t?.ThresholdMa is null)
            throw new RigException(path, $"{at}: a Nucleo board needs `trigger.threshold-ma:`, a current between its idle and inference current; inferences are found where the current exceeds it");
        return new RigTrigger(source, t.ThresholdMa);
    }

    private static RigBudgets Budgets(BudgetsDocument? b, string path, string at)
    {
        foreach (var (value, key) in new[] { (b?.Staging, "staging"), (b?.Arena, "arena"), (b?.Heap, "heap") })
            if (value is <= 0) throw new RigException(path, $"{at}: budgets.{key} must be a positive number of bytes");
        return new RigBudgets(b?.Staging, b?.Arena, b?.Heap);
    }

    private static IReadOnlyDictionary<string, FirmwareImage> Firmware(Dictionary<string, FirmwareDocument>? images, BoardKind kind, string path, string at, string directory)
    {
        var result = new Dictionary<string, FirmwareImage>(StringComparer.Ordinal);
        if (images is null) return result;
        if (kind == BoardKind.Simulated)
            throw new RigException(path, $"{at}: firmware images are flashed onto Nucleo boards; a simulated board takes any version named with --firmware");
        foreach (var (version, image) in images)
        {
            string app = Required(image?.App, path, $"{at}: firmware '{version}' has no `app:` (the board app image nanoff deploys)");
            result[version] = new FirmwareImage(version, image!.Clr is { } clr ? Path.GetFullPath(Path.Combine(directory, clr)) : null, Path.GetFullPath(Path.Combine(directory, app)));
        }
        return result;
    }

    private static RigSimulation Simulation(SimulationDocument? s, string path, string at)
    {
        if (s is null) return RigSimulation.None;
        SimulatorFaults monitorFaults;
        try
        {
            monitorFaults = SimulatorFaults.Parse(s.MonitorFaults);
        }
        catch (ArgumentException e)
        {
            throw new RigException(path, $"{at}: simulation.monitor-faults: {e.Message}", e);
        }
        BoardLineFault? boardFault = null;
        if (s.BoardFault is { } text && !BoardLineFault.TryParse(text, out boardFault))
            throw new RigException(path, $"{at}: simulation.board-fault '{text}' is unknown; write silent@PHASE or garbage@PHASE (phases: {CellPhases.All})");
        if (s.FaultAttempts is < 0) throw new RigException(path, $"{at}: simulation.fault-attempts must be 0 (every attempt) or more");
        return new RigSimulation(monitorFaults, boardFault, s.FaultAttempts ?? 0, s.RealTime ?? false);
    }

    private static TimeSpan ReadDuration(string? text, TimeSpan fallback, string path, string key) =>
        text is null ? fallback
        : Duration.TryParse(text, out var duration) ? duration
        : throw new RigException(path, $"{key} '{text}' is not a duration; write {Duration.Syntax}");

    private static string Required(string? value, string path, string problem) =>
        string.IsNullOrWhiteSpace(value) ? throw new RigException(path, problem) : value.Trim();

    /// <summary>YamlDotNet's messages name its own types; say it in the rig's terms.</summary>
    private static string Explain(YamlException e)
    {
        string message = (e.InnerException?.Message ?? e.Message).Trim();
        var unknown = UnknownProperty().Match(message);
        if (Duplicate().Match(message) is { Success: true } twice) return $"the key '{twice.Groups[1].Value}' is given twice; each key holds one value";
        if (unknown.Success) return $"unknown key '{unknown.Groups[1].Value}' (see hil-rigs/README.md for the keys a rig file takes)";
        return message;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]+$")]
    private static partial Regex BoardName();

    [GeneratedRegex(@"Property '([^']+)' not found")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex(@"duplicate key (\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex Duplicate();
}
