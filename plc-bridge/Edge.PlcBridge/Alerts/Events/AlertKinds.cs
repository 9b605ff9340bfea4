namespace Edge.PlcBridge.Alerts.Events;

/// <summary>The kinds of alert event and their transitions: the <c>kind</c> and <c>transition</c> of the JSON, and the last part of an MQTT topic.</summary>
public static class AlertKinds
{
    /// <summary>The board's drift alarm (drift confirmed): <see cref="Raised"/>, <see cref="Cleared"/>.</summary>
    public const string DriftAlarm = "drift-alarm";

    /// <summary>The board's link or telemetry: <see cref="Offline"/>, <see cref="Online"/> (back).</summary>
    public const string BoardOffline = "board-offline";

    /// <summary>The board froze its retraining capture: <see cref="Ready"/> (released by an acknowledge; not an event).</summary>
    public const string CaptureReady = "capture-ready";

    public const string Raised = "raised";
    public const string Cleared = "cleared";
    public const string Offline = "offline";
    public const string Online = "online";
    public const string Ready = "ready";

    public static IReadOnlyList<string> All { get; } = [DriftAlarm, BoardOffline, CaptureReady];
}
