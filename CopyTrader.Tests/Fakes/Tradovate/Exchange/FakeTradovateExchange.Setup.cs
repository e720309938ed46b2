using System.Globalization;

namespace CopyTrader.Tests.Fakes.Tradovate.Exchange;

/// <summary>Users, accounts, products, contracts, prices and seeded positions.</summary>
public sealed partial class FakeTradovateExchange
{
    private const string MonthCodes = "FGHJKMNQUVXZ";

    /// <summary>Adds a user and a login for it on the server's auth endpoints (a second Tradovate login).</summary>
    public FakeUser AddUser(string name, string password)
    {
        var user = Operate(() => Save(new FakeUser(_ids.Next<FakeUser>(), name)));
        _logins.AddLogin(name, password, user.Id);
        return user;
    }

    /// <summary>Adds an account (name upper-cased, as Tradovate's are) with a cash balance; default owner is <see cref="PrimaryUser"/>.</summary>
    public FakeAccount AddAccount(string name, long? userId = null, decimal startingCash = DefaultStartingCash) =>
        Operate(() => AddAccountCore(name, userId ?? PrimaryUser.Id, startingCash));

    public FakeProduct AddProduct(string name, string description, decimal tickSize, decimal valuePerPoint, bool isMicro = false) =>
        Operate(() => Save(new FakeProduct(_ids.Next<FakeProduct>(), name, description, tickSize, valuePerPoint, isMicro)));

    /// <summary>Adds <paramref name="productName"/> + month code + last digit of <paramref name="year"/> (e.g. NQ, 6, 2027 → NQM7) at a last price.</summary>
    public FakeContract AddContract(string productName, int month, int year, decimal price, bool isFront = false) => Operate(() =>
    {
        var product = _store.Products.All.FirstOrDefault(p => p.Name == productName)
            ?? throw new FakeTradovateNotFoundException("product", productName);
        var expiration = ThirdFriday(year, month);
        var maturity = Save(new FakeContractMaturity(_ids.Next<FakeContractMaturity>(), product.Id, month, expiration, isFront));
        var name = $"{product.Name}{MonthCodes[month - 1]}{year % 10}";
        var contract = Save(new FakeContract(_ids.Next<FakeContract>(), name, maturity.Id, product.TickSize));
        _prices[contract.Id] = price;
        return contract;
    });

    /// <summary>Sets the last price; working limit and stop orders it reaches fill at once (rules in FakeTradovateExchange.Matching.cs).</summary>
    public void SetPrice(string symbol, decimal price) => Operate(() =>
    {
        var contract = ContractCore(symbol);
        _prices[contract.Id] = price;
        Sweep(contract.Id);
        return 0;
    });

    public decimal PriceOf(string symbol) => Locked(() => _prices[ContractCore(symbol).Id]);

    /// <summary>
    /// Gives an account an overnight position (<c>prevPos/prevPrice</c> = <c>netPos/netPrice</c>, nothing bought or
    /// sold today) and publishes it; later fills close it like any other.
    /// </summary>
    public FakePosition SeedPosition(long accountId, string symbol, int netPos, decimal netPrice) => Operate(() =>
    {
        AccountCore(accountId);
        var contract = ContractCore(symbol);
        var now = Now;
        var existing = PositionCore(accountId, contract.Id);
        var id = existing?.Id ?? _ids.Next<FakePosition>();
        _lots[id] = netPos == 0 ? [] : [new FakeLot(null, netPos, netPrice)];
        decimal? price = netPos == 0 ? null : netPrice;
        return Save(new FakePosition(id, accountId, contract.Id, now, FakeTradeDates.Of(now), netPos, price, 0, 0m, 0, 0m, netPos, price));
    });

    private FakeAccount AddAccountCore(string name, long userId, decimal startingCash)
    {
        if (!_store.Users.Contains(userId))
        {
            throw new FakeTradovateNotFoundException("user", userId.ToString(CultureInfo.InvariantCulture));
        }

        var upper = name.ToUpperInvariant();
        if (_store.Accounts.All.Any(a => a.Name == upper))
        {
            throw new ArgumentException($"account {upper} already exists", nameof(name));
        }

        var now = Now;
        var account = Save(new FakeAccount(_ids.Next<FakeAccount>(), upper, userId, now));
        Save(new FakeCashBalance(_ids.Next<FakeCashBalance>(), account.Id, now, FakeTradeDates.Of(now), 1, startingCash, 0m, 0m));
        return account;
    }

    /// <summary>NQ, MNQ, ES, MES (tick 0.25; $20, $2, $50, $5 a point), Dec 2026 (front) and Mar 2027 contracts.</summary>
    private void SeedContracts()
    {
        AddSeedProduct("NQ", "E-Mini NASDAQ 100", 20m, false, 21_000m);
        AddSeedProduct("MNQ", "Micro E-Mini NASDAQ 100", 2m, true, 21_000m);
        AddSeedProduct("ES", "E-Mini S&P 500", 50m, false, 6_000m);
        AddSeedProduct("MES", "Micro E-Mini S&P 500", 5m, true, 6_000m);
    }

    private void AddSeedProduct(string name, string description, decimal valuePerPoint, bool isMicro, decimal price)
    {
        AddProduct(name, description, 0.25m, valuePerPoint, isMicro);
        AddContract(name, 12, 2026, price, isFront: true);
        AddContract(name, 3, 2027, price);
    }

    private static DateTimeOffset ThirdFriday(int year, int month)
    {
        var first = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc);
        var firstFriday = first.AddDays(((int)DayOfWeek.Friday - (int)first.DayOfWeek + 7) % 7);
        return new DateTimeOffset(firstFriday.AddDays(14).AddHours(14).AddMinutes(30)); // 9:30 ET in UTC (standard time)
    }

    private FakeAccount AccountCore(long accountId) =>
        _store.Accounts.Get(accountId) ?? throw new FakeTradovateNotFoundException("account", accountId.ToString(CultureInfo.InvariantCulture));

    private FakeContract ContractCore(string symbol) =>
        _store.Contracts.All.FirstOrDefault(c => c.Name == symbol) ?? throw new FakeTradovateNotFoundException("contract", symbol);

    private FakeProduct ProductOf(long contractId)
    {
        var contract = _store.Contracts.Get(contractId)!;
        var maturity = _store.Maturities.Get(contract.ContractMaturityId)!;
        return _store.Products.Get(maturity.ProductId)!;
    }

    private FakePosition? PositionCore(long accountId, long contractId) =>
        _store.Positions.All.FirstOrDefault(p => p.AccountId == accountId && p.ContractId == contractId);
}
