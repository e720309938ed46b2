using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CopyTrader.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditTrail",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OccurredUtc = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    OccurredUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    CopyGroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditTrail", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditTrail_Action",
                table: "AuditTrail",
                column: "Action");

            migrationBuilder.CreateIndex(
                name: "IX_AuditTrail_ActorUserId_OccurredUnixMs",
                table: "AuditTrail",
                columns: new[] { "ActorUserId", "OccurredUnixMs" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditTrail_CopyGroupId",
                table: "AuditTrail",
                column: "CopyGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditTrail_OccurredUnixMs",
                table: "AuditTrail",
                column: "OccurredUnixMs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditTrail");
        }
    }
}
