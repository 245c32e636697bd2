"""Plain entities, enums and validators shared by every layer; standard library only."""
