namespace CopyTrader.Tests.Support;

/// <summary>Waits for something asynchronous to become true, failing with a description when it does not.</summary>
public static class Eventually
{
    public static async Task<T> Get<T>(Func<T?> probe, Func<T?, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        T? value;
        while (!done(value = probe()))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}; last value: {value}");
            }

            await Task.Delay(20);
        }

        return value!;
    }

    public static async Task<T> GetAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        T value;
        while (!done(value = await probe()))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}; last value: {value}");
            }

            await Task.Delay(20);
        }

        return value;
    }

    public static Task True(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        Get(() => condition(), ok => ok, what, timeout);
}
