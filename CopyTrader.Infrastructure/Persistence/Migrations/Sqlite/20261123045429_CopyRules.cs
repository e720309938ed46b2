using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CopyTrader.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CopyRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AtLeastOneWhileLeaderInPosition",
                table: "Followers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "BlockedRoots",
                table: "Followers",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<bool>(
                name: "CopyStopLoss",
                table: "Followers",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "CopyTakeProfit",
                table: "Followers",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<int>(
                name: "FixedQuantity",
                table: "Followers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<bool>(
                name: "Inverse",
                table: "Followers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "MaxPosition",
                table: "Followers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Mode",
                table: "Followers",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Multiplier");

            migrationBuilder.AddColumn<bool>(
                name: "ReceivesWebhookOrders",
                table: "Followers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Rounding",
                table: "Followers",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Nearest");

            migrationBuilder.AddColumn<string>(
                name: "LeaderSymbol",
                table: "CopyLog",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            // Rows written before this column existed copied the same contract they were given.
            migrationBuilder.Sql("UPDATE \"CopyLog\" SET \"LeaderSymbol\" = \"Symbol\"");

            migrationBuilder.AddColumn<bool>(
                name: "DryRun",
                table: "CopyGroups",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ContractMaps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CopyGroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    SourceRoot = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    TargetRoot = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Ratio = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractMaps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractMaps_CopyGroups_CopyGroupId",
                        column: x => x.CopyGroupId,
                        principalTable: "CopyGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowerSymbolMultipliers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Root = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Multiplier = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    FollowerId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowerSymbolMultipliers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowerSymbolMultipliers_Followers_FollowerId",
                        column: x => x.FollowerId,
                        principalTable: "Followers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContractMaps_CopyGroupId_SourceRoot",
                table: "ContractMaps",
                columns: new[] { "CopyGroupId", "SourceRoot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowerSymbolMultipliers_FollowerId_Root",
                table: "FollowerSymbolMultipliers",
                columns: new[] { "FollowerId", "Root" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContractMaps");

            migrationBuilder.DropTable(
                name: "FollowerSymbolMultipliers");

            migrationBuilder.DropColumn(
                name: "AtLeastOneWhileLeaderInPosition",
                table: "Followers");

            migrationBuilder.DropColumn(
                name: "BlockedRoots",
                table: "Followers");

            migrationBuilder.DropColumn(
                name: "CopyStopLoss",
                table: "Followers");

            migrationBuilder.DropColumn(
                name: "CopyTakeProfit",
                table: "Followers");

            migrationBuilder.DropColumn(
                name: "FixedQuantity",
                table: "Followers");

            migrationBuilder.DropColumn(
                name: "Inverse",
                table: "Followers");

            migrationBuilder.DropColumn(
                name: "MaxPosition",
                table: "Followers");

            migrationBuilder.DropColumn(
                name: "Mode",
                table: "Followers");

            migrationBuilder.DropColumn(
                name: "ReceivesWebhookOrders",
                table: "Followers");

            migrationBuilder.DropColumn(
                name: "Rounding",
                table: "Followers");

            migrationBuilder.DropColumn(
                name: "LeaderSymbol",
                table: "CopyLog");

            migrationBuilder.DropColumn(
                name: "DryRun",
                table: "CopyGroups");
        }
    }
}
