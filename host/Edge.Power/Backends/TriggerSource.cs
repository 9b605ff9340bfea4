namespace Edge.Power.Backends;

/// <summary>What starts the acquisition once `start` was sent (`trigsrc`).</summary>
public enum TriggerSource
{
    /// <summary>`trigsrc sw`: the acquisition starts with `start` (after `trigdelay`).</summary>
    Software,

    /// <summary>The target's edge on the trigger input starts it: V3PWR TGI pin (`trigsrc hw`), LPM01A Arduino D7 (`trigsrc d7`).</summary>
    Hardware,
}
