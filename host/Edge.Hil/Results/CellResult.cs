using System.Text.Json.Serialization;

namespace Edge.Hil.Results;

/// <summary>
/// One row of the results: a cell's identity, status, energy, latency, accuracy against ONNX
/// Runtime and memory. The same column names in cells/*.json, results.json and results.parquet.
/// Figures a failed or misfit cell did not reach are null. Energy in microjoules per inference,
/// times in microseconds. `expected_*` are the cost model's figures, for simulated boards only.
/// </summary>
public sealed class CellResult
{
    // identity
    [JsonPropertyName("cell")] public string Cell { get; set; } = "";
    [JsonPropertyName("model")] public string Model { get; set; } = "";
    [JsonPropertyName("model_file")] public string ModelFile { get; set; } = "";
    [JsonPropertyName("onnx_sha256")] public string? OnnxSha256 { get; set; }
    [JsonPropertyName("model_id")] public string? ModelId { get; set; }
    [JsonPropertyName("edgem_sha256")] public string? EdgemSha256 { get; set; }
    [JsonPropertyName("model_provenance")] public string? ModelProvenance { get; set; }
    [JsonPropertyName("board")] public string Board { get; set; } = "";
    [JsonPropertyName("board_kind")] public string BoardKind { get; set; } = "";
    [JsonPropertyName("target")] public string Target { get; set; } = "";
    [JsonPropertyName("firmware")] public string Firmware { get; set; } = "";
    [JsonPropertyName("firmware_reported")] public string? FirmwareReported { get; set; }
    [JsonPropertyName("rig")] public string Rig { get; set; } = "";

    // outcome
    [JsonPropertyName("status")] public string Status { get; set; } = "";
    [JsonPropertyName("reason")] public string? Reason { get; set; }
    [JsonPropertyName("failed_phase")] public string? FailedPhase { get; set; }
    [JsonPropertyName("attempts")] public int Attempts { get; set; }
    [JsonPropertyName("inputs_sha256")] public string InputsSha256 { get; set; } = "";
    [JsonPropertyName("started_utc")] public string StartedUtc { get; set; } = "";
    [JsonPropertyName("seconds")] public double Seconds { get; set; }

    // energy per inference
    [JsonPropertyName("inferences")] public int? Inferences { get; set; }
    [JsonPropertyName("warmup")] public int? Warmup { get; set; }
    [JsonPropertyName("energy_uj")] public double? EnergyUj { get; set; }
    [JsonPropertyName("energy_uj_sd")] public double? EnergyUjSd { get; set; }
    [JsonPropertyName("energy_uj_min")] public double? EnergyUjMin { get; set; }
    [JsonPropertyName("energy_uj_max")] public double? EnergyUjMax { get; set; }
    [JsonPropertyName("expected_energy_uj")] public double? ExpectedEnergyUj { get; set; }
    [JsonPropertyName("supply_volts")] public double? SupplyVolts { get; set; }
    [JsonPropertyName("sample_rate_hz")] public int? SampleRateHz { get; set; }
    [JsonPropertyName("trace_samples")] public long? TraceSamples { get; set; }
    [JsonPropertyName("corrupt_bytes")] public long? CorruptBytes { get; set; }
    [JsonPropertyName("windows_from")] public string? WindowsFrom { get; set; }
    [JsonPropertyName("trace_file")] public string? TraceFile { get; set; }

    // latency (board clock) and the trigger windows' length (monitor's time)
    [JsonPropertyName("latency_us")] public double? LatencyUs { get; set; }
    [JsonPropertyName("latency_us_min")] public double? LatencyUsMin { get; set; }
    [JsonPropertyName("latency_us_max")] public double? LatencyUsMax { get; set; }
    [JsonPropertyName("window_us")] public double? WindowUs { get; set; }
    [JsonPropertyName("expected_latency_us")] public double? ExpectedLatencyUs { get; set; }
    // the cost model's band: measured instruction counts x the board's CPI band (Edge.Targets)
    [JsonPropertyName("expected_latency_us_low")] public double? ExpectedLatencyUsLow { get; set; }
    [JsonPropertyName("expected_latency_us_high")] public double? ExpectedLatencyUsHigh { get; set; }
    [JsonPropertyName("expected_latency")] public string? ExpectedLatency { get; set; }

    // accuracy: the board's outputs against ONNX Runtime's on the same rows
    [JsonPropertyName("data_file")] public string? DataFile { get; set; }
    [JsonPropertyName("accuracy_rows")] public int? AccuracyRows { get; set; }
    [JsonPropertyName("task")] public string? Task { get; set; }
    [JsonPropertyName("max_abs_error")] public double? MaxAbsError { get; set; }
    [JsonPropertyName("rmse")] public double? Rmse { get; set; }
    [JsonPropertyName("l2_relative_error")] public double? L2RelativeError { get; set; }
    [JsonPropertyName("cosine")] public double? Cosine { get; set; }
    [JsonPropertyName("min_row_cosine")] public double? MinRowCosine { get; set; }
    [JsonPropertyName("decision_agreement")] public double? DecisionAgreement { get; set; }
    [JsonPropertyName("f1_float")] public double? F1Float { get; set; }
    [JsonPropertyName("f1_board")] public double? F1Board { get; set; }
    [JsonPropertyName("auc_float")] public double? AucFloat { get; set; }
    [JsonPropertyName("auc_board")] public double? AucBoard { get; set; }
    [JsonPropertyName("accuracy_float")] public double? AccuracyFloat { get; set; }
    [JsonPropertyName("accuracy_board")] public double? AccuracyBoard { get; set; }

    // memory
    [JsonPropertyName("model_bytes")] public int? ModelBytes { get; set; }
    [JsonPropertyName("arena_bytes")] public int? ArenaBytes { get; set; }
    [JsonPropertyName("resident_bytes")] public int? ResidentBytes { get; set; }
    [JsonPropertyName("staging_budget")] public int? StagingBudget { get; set; }
    [JsonPropertyName("arena_budget")] public int? ArenaBudget { get; set; }
    [JsonPropertyName("heap_budget")] public int? HeapBudget { get; set; }
    [JsonPropertyName("board_free_bytes")] public long? BoardFreeBytes { get; set; }

    // link health during the cell
    [JsonPropertyName("link_resends")] public long? LinkResends { get; set; }
    [JsonPropertyName("link_frames_rejected")] public long? LinkFramesRejected { get; set; }
}
