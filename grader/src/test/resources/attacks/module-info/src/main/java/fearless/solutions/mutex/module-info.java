module evil.mutex { }
