using Microsoft.Extensions.Logging;

namespace CopyTrader.Benchmarks;

/// <summary>
/// Keeps the console for the results: warnings and errors go to stderr (a benchmark that fails must say so);
/// Information is off, or, while <see cref="FormatInformation"/> is set, formatted the way a sink would and
/// thrown away, to price the app's Information logging without the cost of a console.
/// </summary>
internal sealed class BenchLoggerProvider : ILoggerProvider
{
    private volatile bool _formatInformation;
    private long _formatted;

    public bool FormatInformation
    {
        get => _formatInformation;
        set => _formatInformation = value;
    }

    /// <summary>Information messages formatted while <see cref="FormatInformation"/> was set.</summary>
    public long Formatted => Interlocked.Read(ref _formatted);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(BenchLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) =>
            logLevel >= LogLevel.Warning || (logLevel == LogLevel.Information && provider._formatInformation);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception);
            if (logLevel >= LogLevel.Warning)
            {
                Console.Error.WriteLine($"{logLevel} {category}: {message}{(exception is null ? "" : Environment.NewLine + exception)}");
                return;
            }

            Interlocked.Increment(ref provider._formatted);
        }
    }
}
