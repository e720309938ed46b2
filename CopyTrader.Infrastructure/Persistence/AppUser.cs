using Microsoft.AspNetCore.Identity;

namespace CopyTrader.Infrastructure.Persistence;

public sealed class AppUser : IdentityUser;
