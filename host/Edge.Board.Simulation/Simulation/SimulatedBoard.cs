using Edge.Targets.Costs;
using Edge.Device.Board;
using Edge.Device.Model;

namespace Edge.Board.Simulation;

/// <summary>
/// A board in software: the device code's <see cref="BoardRuntime"/> on its own thread, with a
/// stream port for the link, a clock and trigger pin that follow the profile's cost model, and a
/// file store for "flash". Everything the link does, and everything the board computes, is the
/// same code a real board runs; only time and current are modelled.
/// </summary>
public sealed class SimulatedBoard : IDisposable
{
    private readonly Thread _loop;
    private volatile bool _running = true;
    private readonly object _polling = new();
    private ModelWork _work = new(0, 0, 0, 0);
    private byte[]? _workOf;
    private readonly WorkNotingStore _flash;

    /// <param name="stateFolder">The simulated flash; null: none (uploads last until the board stops, and cost no disk writes).</param>
    /// <param name="firmwareVersion">What the board reports in its handshake; null reports this build (a bench labels its firmware revisions with it).</param>
    /// <param name="realTime">Inferences take their modelled time in real time (<see cref="SimulatedClock.RealTime"/>), as on a real board.</param>
    /// <param name="time">The real time the board's clock follows while it waits for the host; null: the system's.</param>
    public SimulatedBoard(BoardProfile profile, string? stateFolder, string? name = null, string? firmwareVersion = null, bool realTime = false,
        TimeProvider? time = null)
    {
        Profile = profile;
        Name = name ?? profile.Name;
        Clock = new SimulatedClock(time) { RealTime = realTime };
        Pin = new SimulatedTriggerPin(Clock, ModelledInferenceMicros);
        Port = new StreamPort();
        Store = stateFolder is null ? null : new FileModelStore(stateFolder);
        // The real board's allocation sizes (BoardPresets), so the simulated board refuses and
        // reports what the real one would.
        var config = profile.Config();
        config.FirmwareVersion = firmwareVersion ?? "edge-sim " + typeof(SimulatedBoard).Assembly.GetName().Version;
        config.BoardName = Name + " (simulated " + profile.Name + ")";
        Memory = new ModelledMemoryGauge(profile.Board);
        _flash = new WorkNotingStore(Store);
        Runtime = new BoardRuntime(config, Port, Clock, Pin, _flash, Memory);
        Memory.Watch(Runtime);
        Pin.WarmUp(); // no model yet: models nothing
        Runtime.Start();
        Port.Received = () => { if (_running) PollOnce(); };
        _loop = new Thread(Loop) { IsBackground = true, Name = "simulated board " + Name };
        _loop.Start();
    }

    public string Name { get; }

    public BoardProfile Profile { get; }

    public SimulatedClock Clock { get; }

    public SimulatedTriggerPin Pin { get; }

    public StreamPort Port { get; }

    public FileModelStore? Store { get; }

    /// <summary>Free managed heap as the real board would report it (the memory model of Edge.Targets).</summary>
    public ModelledMemoryGauge Memory { get; }

    /// <summary>The device code. Touch it only from tests that stopped the loop, or for reading counters.</summary>
    public BoardRuntime Runtime { get; }

    /// <summary>Modelled duration of one inference of the loaded model.</summary>
    public double ModelledInferenceMicros()
    {
        var interpreter = Runtime.Rows.Interpreter;
        if (interpreter is null) return 0;
        if (!ReferenceEquals(_workOf, interpreter.Model.Id))
        {
            _work = _flash.WorkOf(interpreter.Model.IdHex) ?? ModelWork.Of(interpreter.Model);
            _workOf = interpreter.Model.Id;
        }
        return Profile.InferenceMicros(_work);
    }

    /// <summary>
    /// Polls the device code until a poll finds nothing to do: every byte received is handled,
    /// every sample its source has due is taken, every telemetry frame due is sent, all as of the
    /// board's time now. With a fake <c>time</c>, a test that advanced it calls this to know the
    /// board has done everything that time made due (the board's own loop may have done some of
    /// it already; polls take turns, so the outcome is the same). Returns the polls' work.
    /// </summary>
    public int CatchUp()
    {
        int total = 0, work;
        while ((work = PollOnce()) > 0) total += work;
        return total;
    }

    // The device code is single-threaded: one poll at a time, from the board's own loop (telemetry,
    // its own samples) or from the port's reader as bytes arrive, which saves the round trip a
    // wake-up of the loop thread (a UART interrupt handing the bytes over, in effect). The board's
    // clock is held meanwhile: what the host takes to run the device code is not board time.
    private int PollOnce()
    {
        lock (_polling)
        {
            int work;
            using (Clock.Hold()) work = Runtime.Poll();
            Port.Flush();
            return work;
        }
    }

    private void Loop()
    {
        while (_running)
        {
            if (PollOnce() == 0) Port.DataArrived.WaitOne(1);
        }
    }

    public void Dispose()
    {
        _running = false;
        _loop.Join();
        Port.Dispose();
    }
}
