using CopyTrader.Tests.Fakes.Tradovate.Exchange;

namespace CopyTrader.Tests.Fakes.Tradovate;

/// <summary>
/// Fault knobs of the whole fake, settable at any time from a test (<c>server.Faults</c>). REST knobs apply to every
/// <c>/v1</c> HTTP call, auth included; socket knobs to every connection.
/// </summary>
public sealed class FakeTradovateFaults
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TimeSpan> _delays = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<FakePlacementFault> _failures = [];
    private readonly List<FakePlacementFault> _rejects = [];
    private int _restRateLimits;
    private int _socketRateLimits;
    private int _malformedFrames;
    private (TaskCompletionSource Gate, string? Endpoint)? _restStall;
    private TaskCompletionSource? _socketStall;

    internal FakeTradovateFaults(TimeProvider time) => Penalties = new FakeTradovatePenaltyBook(time);

    /// <summary>Each props event is sent twice in a row.</summary>
    public bool DuplicateEvents { get; set; }

    /// <summary>Reorders each operation's events before sending (see <see cref="FakeTradovateEventOrders"/>); null keeps 1.7 order.</summary>
    public Func<IReadOnlyList<FakePropsEvent>, IEnumerable<FakePropsEvent>>? ReorderEvents { get; set; }

    /// <summary>How many props go in one <c>a</c> frame; null puts each operation's events in one frame.</summary>
    public int? PropsPerFrame { get; set; }

    /// <summary>The split-response shape for sync requests with <c>splitResponses:true</c> [U].</summary>
    public FakeSplitResponses SplitResponses { get; set; }

    /// <summary>Every call that carried an issued p-ticket.</summary>
    public IReadOnlyList<FakeTradovatePenaltyResend> PenaltyResends => Penalties.Resends;

    internal FakeTradovatePenaltyBook Penalties { get; }

    /// <summary>The next <paramref name="count"/> REST calls answer 429 with an empty body (user-level limit) [C].</summary>
    public void RateLimitNextRestCalls(int count) => Locked(() => _restRateLimits = count);

    /// <summary>The next <paramref name="count"/> socket requests answer <c>{"s":429,"i":n}</c> [C].</summary>
    public void RateLimitNextSocketRequests(int count) => Locked(() => _socketRateLimits = count);

    /// <summary>
    /// The next <paramref name="count"/> calls of <paramref name="endpoint"/> (e.g. <c>order/placeorder</c>, <c>user/syncrequest</c>;
    /// REST or socket) are not executed and answer a p-ticket with <c>p-time</c> = <paramref name="seconds"/>.
    /// </summary>
    public void PenalizeNext(string endpoint, int count = 1, int seconds = 0, bool captcha = false) =>
        Penalties.PenalizeNext(endpoint, count, seconds, captcha);

    public void ClearPenalties() => Penalties.Clear();

    /// <summary>REST calls (of one endpoint, or all) hang before they execute until <see cref="ReleaseRest"/>; they are recorded on arrival.</summary>
    public void StallRest(string? endpoint = null) =>
        Locked(() => _restStall ??= (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), endpoint));

    public void ReleaseRest() => Locked(() =>
    {
        _restStall?.Gate.TrySetResult();
        _restStall = null;
    });

    /// <summary>Answers of <paramref name="endpoint"/> wait <paramref name="delay"/> (on the server's TimeProvider) after the call executed.</summary>
    public void DelayRest(string endpoint, TimeSpan delay) => Locked(() => _delays[endpoint] = delay);

    public void ClearRestDelays() => Locked(() => _delays.Clear());

    /// <summary>The next API placement (placeorder/oso/oco/liquidateposition) answers HTTP 200 failureReason/failureText.</summary>
    public void FailNextPlacement(string reason, string text, long? accountId = null) =>
        Locked(() => _failures.Add(new FakePlacementFault(reason, text, accountId)));

    /// <summary>The next API placement answers its orderId, then the order goes Rejected with this rejectReason and text.</summary>
    public void RejectNextPlacement(string reason, string text, long? accountId = null) =>
        Locked(() => _rejects.Add(new FakePlacementFault(reason, text, accountId)));

    /// <summary>Sockets send nothing (not even <c>h</c>) until <see cref="ResumeSockets"/>; events queue up meanwhile.</summary>
    public void StallSockets() => Locked(() => _socketStall ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void ResumeSockets() => Locked(() =>
    {
        _socketStall?.TrySetResult();
        _socketStall = null;
    });

    /// <summary>The next <paramref name="count"/> props frames (on any socket) are each preceded by a truncated frame.</summary>
    public void MalformedFrameBeforeNextProps(int count = 1) => Locked(() => _malformedFrames = count);

    internal bool TakeRestRateLimit() => Take(ref _restRateLimits);

    internal bool TakeSocketRateLimit() => Take(ref _socketRateLimits);

    internal bool TakeMalformedFrame() => Take(ref _malformedFrames);

    internal FakePlacementFault? TakePlacementFailure(long accountId) => Take(_failures, accountId);

    internal FakePlacementFault? TakeAsyncReject(long accountId) => Take(_rejects, accountId);

    internal TimeSpan DelayOf(string endpoint) => Locked(() => _delays.GetValueOrDefault(endpoint));

    internal Task WaitIfRestStalledAsync(string endpoint, CancellationToken ct)
    {
        var stall = Locked(() => _restStall);
        return stall is { } s && (s.Endpoint is null || string.Equals(s.Endpoint, endpoint, StringComparison.OrdinalIgnoreCase))
            ? s.Gate.Task.WaitAsync(ct)
            : Task.CompletedTask;
    }

    internal Task WaitIfSocketsStalledAsync(CancellationToken ct) => Locked(() => _socketStall)?.Task.WaitAsync(ct) ?? Task.CompletedTask;

    private bool Take(ref int counter)
    {
        lock (_gate)
        {
            if (counter <= 0)
            {
                return false;
            }

            counter--;
            return true;
        }
    }

    private FakePlacementFault? Take(List<FakePlacementFault> faults, long accountId) => Locked(() =>
    {
        var fault = faults.FirstOrDefault(f => f.AccountId is null || f.AccountId == accountId);
        if (fault is not null)
        {
            faults.Remove(fault);
        }

        return fault;
    });

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    private void Locked(Action write)
    {
        lock (_gate)
        {
            write();
        }
    }
}
